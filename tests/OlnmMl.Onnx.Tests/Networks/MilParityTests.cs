using Microsoft.ML;
using OlnmMl.Onnx.Graph;
using OlnmMl.Onnx.Networks;
using OlnmMl.Onnx.Scoring;
using OlnmMl.Torch;
using OlnmMl.Torch.Mil;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace OlnmMl.Onnx.Tests.Networks;

/// <summary>
/// ONNX Runtime vs OlnmMl.Torch's <see cref="MilNetwork"/> (TorchSharp, eval mode; tiny 2D ResNet encoder, 2×16×16
/// instances, batch-norm statistics randomised): bags of 1, 3 and 17 instances in ONE batch, so the graph must keep
/// the padding of the two smaller bags (14 and 16 zero instances, mask 0) out of every pooling and aggregation.
/// </summary>
public sealed class MilParityTests(ITestOutputHelper output) : IDisposable
{
    private const int Channels = 2;
    private const int Edge = 16;
    private static readonly int[] BagSizes = [1, 3, 17];
    private readonly string _folder = Directory.CreateTempSubdirectory("olnm-mil-onnx-").FullName;

    [Theory]
    [InlineData(MilPoolingKind.Mean)]
    [InlineData(MilPoolingKind.Max)]
    [InlineData(MilPoolingKind.Attention)]
    [InlineData(MilPoolingKind.GatedAttention)]
    public void Exported_mil_network_matches_torchsharp_on_padded_bags_of_1_3_and_17(MilPoolingKind pooling)
    {
        var spec = new MilNetworkSpec { Architecture = "resnet10-tiny-2d", InstanceShape = [Channels, Edge, Edge], Pooling = pooling.Name(), AttentionWidth = 8 };
        using var generator = new Generator(17 + (ulong)pooling);
        using var network = new MilNetwork(spec, generator);
        TorchSharpParity.Randomise(network);
        network.eval();
        int slots = BagSizes.Max();
        var mask = BagSizes.SelectMany(n => Enumerable.Range(0, slots).Select(i => i < n ? 1f : 0f)).ToArray();
        using var instances = rand([BagSizes.Length, slots, Channels, Edge, Edge], generator: generator) * tensor(mask).reshape(BagSizes.Length, slots, 1, 1, 1);
        using var maskTensor = tensor(mask, [BagSizes.Length, slots]);
        ScaleHeadToUnitLogits(network, instances, maskTensor, generator);

        float[] expectedProbability, expectedFeatures;
        using (no_grad())
        {
            var (logits, bagFeatures) = network.ForwardWithFeatures(instances, maskTensor);
            using (logits)
            using (bagFeatures)
            using (var p = logits.sigmoid())
            {
                expectedProbability = p.data<float>().ToArray();
                expectedFeatures = bagFeatures.data<float>().ToArray();
            }
        }

        var path = Path.Combine(_folder, "mil.onnx");
        MilModelExporter.Export(Definition(network, instanceAggregation: null), new OnnxModelMetadata(), path);
        using var scorer = new OnnxScorer(path);
        var actual = scorer.PredictOutputs(
            new Dictionary<string, OnnxInput>
            {
                [MilModelExporter.InstancesInput] = new(instances.data<float>().ToArray(), [BagSizes.Length, slots, Channels, Edge, Edge]),
                [MilModelExporter.MaskInput] = new(mask, [BagSizes.Length, slots]),
            },
            MilModelExporter.ProbabilityOutput, MilModelExporter.BagFeaturesOutput);

        var probability = actual[MilModelExporter.ProbabilityOutput];
        var features = actual[MilModelExporter.BagFeaturesOutput];
        double maxDelta = expectedProbability.Select((e, i) => Math.Abs(e - probability[i])).Max();
        double featureDelta = expectedFeatures.Select((e, i) => Math.Abs(e - features[i])).Max();
        output.WriteLine($"{pooling}: p = {string.Join(", ", expectedProbability.Select(v => v.ToString("F4")))}; max |Δp| = {maxDelta:E2}, max |Δz| = {featureDelta:E2}");
        Assert.Equal(BagSizes.Length, probability.Length);
        Assert.True(maxDelta <= 1e-4, $"max |Δp| = {maxDelta}");
        Assert.True(featureDelta <= 1e-4 * Math.Max(1, expectedFeatures.Max(Math.Abs)), $"max |Δz| = {featureDelta}");
        Assert.Contains(expectedProbability, v => v is > 0.01f and < 0.99f);
    }

    /// <summary>
    /// An instance-level model trained (one epoch) through <see cref="MilTrainer"/> and scored through
    /// <see cref="MilModel.Score"/>, its head then redrawn so that the instance probabilities spread over many histogram bins.
    /// </summary>
    [Theory]
    [InlineData(MilAggregation.Mean)]
    [InlineData(MilAggregation.Max)]
    [InlineData(MilAggregation.Histogram)]
    public void Exported_instance_level_model_matches_its_scores_on_padded_bags_of_1_3_and_17(MilAggregation aggregation)
    {
        var random = new Random(5);
        int length = Channels * Edge * Edge;
        var bags = new Bags(BagSizes.Select(n => Enumerable.Range(0, n * length).Select(_ => (float)random.NextDouble()).ToArray()).ToArray(), [true, false, true]);
        using var model = new MilTrainer(new MLContext(1), new MilTrainerOptions
        {
            Architecture = "resnet10-tiny-2d",
            Pooling = MilPoolingKind.Mean,
            Mode = MilTrainingMode.InstanceLevel,
            Aggregation = aggregation,
            Epochs = 1,
            BatchSize = 3,
            Device = new TorchDeviceOptions { ForceCpu = true },
        }).Fit(bags);
        var network = model.Model.Network;
        int slots = BagSizes.Max();
        var mask = BagSizes.SelectMany(n => Enumerable.Range(0, slots).Select(i => i < n ? 1f : 0f)).ToArray();
        var padded = bags.Values.SelectMany(b => b.Concat(new float[(slots * length) - b.Length])).ToArray();
        using (no_grad())
        using (var generator = new Generator(3))
        using (var instances = tensor(padded, [BagSizes.Length, slots, Channels, Edge, Edge]))
        using (var maskTensor = tensor(mask, [BagSizes.Length, slots]))
        using (var features = network.PaddedInstanceFeatures(instances, maskTensor))
        {
            var scale = 3 / ((features.std().item<float>() + 1e-6f) * MathF.Sqrt(features.shape[2]));
            var head = network.named_parameters().Single(p => p.name == "head.weight").parameter;
            using var drawn = randn(head.shape, generator: generator);
            head.copy_(drawn * scale);
        }

        var expected = model.Score(bags).Probabilities;
        var histogram = model.Model.Info.Histogram;
        var path = Path.Combine(_folder, "mil-instance.onnx");
        MilModelExporter.Export(
            Definition(network, new MilAggregationSpec(aggregation.ToString().ToLowerInvariant(), histogram?.InverseDocumentFrequencies, histogram?.Weights, histogram?.Bias ?? 0)),
            new OnnxModelMetadata(), path);
        using var scorer = new OnnxScorer(path);
        var actual = scorer.Predict(new Dictionary<string, OnnxInput>
        {
            [MilModelExporter.InstancesInput] = new(padded, [BagSizes.Length, slots, Channels, Edge, Edge]),
            [MilModelExporter.MaskInput] = new(mask, [BagSizes.Length, slots]),
        });

        double maxDelta = expected.Select((e, i) => Math.Abs(e - actual[i])).Max();
        output.WriteLine($"{aggregation}: P = {string.Join(", ", expected.Select(v => v.ToString("F4")))}; max |ΔP| = {maxDelta:E2}");
        Assert.True(maxDelta <= 1e-4, $"max |ΔP| = {maxDelta}");
    }

    /// <summary>The exporter's definition of <paramref name="network"/>: its float parameters and buffers, its spec.</summary>
    private static MilModelDefinition Definition(MilNetwork network, MilAggregationSpec? instanceAggregation) => new()
    {
        Weights = network.state_dict()
            .Where(kv => kv.Value.dtype == ScalarType.Float32)
            .ToDictionary(kv => kv.Key, kv => new ParameterTensor(kv.Value.data<float>().ToArray(), kv.Value.shape)),
        Family = EncoderFamilies.Of(network.Spec.Architecture),
        InstanceShape = network.Spec.InstanceShape,
        Pooling = network.Spec.Pooling,
        InstanceAggregation = instanceAggregation,
    };

    /// <summary>Redraws the head so that the bag logits are of order 1 (random encoders give features of any scale).</summary>
    private static void ScaleHeadToUnitLogits(MilNetwork network, Tensor instances, Tensor mask, Generator generator)
    {
        using var noGrad = no_grad();
        using var features = network.BagFeatures(instances, mask);
        var scale = 1 / ((features.std().item<float>() + 1e-6f) * MathF.Sqrt(features.shape[1]));
        var head = network.named_parameters().Single(p => p.name == "head.weight").parameter;
        using var drawn = randn(head.shape, generator: generator);
        head.copy_(drawn * scale);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Bags of 2×16×16 instances in memory.</summary>
    private sealed class Bags(float[][] values, bool[] labels) : IBagSamples
    {
        public float[][] Values => values;

        public int Count => values.Length;

        public int Channels => MilParityTests.Channels;

        public int Height => Edge;

        public int Width => Edge;

        public int MaxInstances => BagSizes.Max();

        public int InstanceCount(int index) => values[index].Length / (Channels * Edge * Edge);

        public bool Label(int index) => labels[index];

        public string Group(int index) => string.Empty;

        public void CopyInstances(int index, Span<float> destination) => values[index].CopyTo(destination);
    }
}
