using Microsoft.ML;
using OlnmMl.Learners.Selection;
using OlnmMl.Onnx.Graph;
using OlnmMl.Onnx.Networks;
using OlnmMl.Onnx.Scoring;
using OlnmMl.Torch.Fusion;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace OlnmMl.Onnx.Tests.Networks;

/// <summary>
/// ONNX Runtime vs OlnmMl.Torch's own <see cref="FusionNetwork"/> (TorchSharp, eval mode) with
/// the parameters handed over as a name → (data, shape) map: ResNet-10 (16³ volumes), DenseNet-121 (32³) and Swin encoders,
/// norm statistics, modality weights and attention biases randomised so that every parameter matters.
/// </summary>
public sealed class TorchFusionParityTests(ITestOutputHelper output) : IDisposable
{
    private const int Size = 16;

    // DenseNet-121 downsamples five times (conv0, pool0, three transitions): 32³ is the smallest input it accepts.
    private const int DenseNetSize = 32;
    private const int RadiomicsCount = 7;
    private readonly string _folder = Directory.CreateTempSubdirectory("olnm-onnx-").FullName;

    public static TheoryData<string, FusionMode, int> Cases() => new()
    {
        { "concat", FusionMode.Concat, 1 }, { "concat", FusionMode.Concat, 7 },
        { "add*", FusionMode.AddProjected, 7 },
        { "learnable-add*", FusionMode.LearnableAddProjected, 1 }, { "learnable-add*", FusionMode.LearnableAddProjected, 7 },
        { "concat*", FusionMode.ConcatProjected, 7 },
        { "deep-only", FusionMode.DeepOnly, 7 }, { "radiomics-only", FusionMode.RadiomicsOnly, 7 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Exported_fusion_network_matches_torchsharp(string modeName, FusionMode mode, int batch) =>
        AssertParity(modeName, mode, "resnet10", batch);

    [Fact]
    public void Exported_densenet121_fusion_network_matches_torchsharp() =>
        AssertParity("concat*", FusionMode.ConcatProjected, "densenet121", batch: 7, DenseNetSize);

    /// <summary>
    /// Swin-UNETR encoder (C = 48, window 7, patch 2). A 32³ volume gives grids 16³ and 8³ (window 7: padded and
    /// shifted, so the shift mask and padding act), 4³ and 2³ (shrunken, unshifted windows), then 1³; a 48³ volume
    /// reaches an odd grid (3³), which patch merging pads. The int64 <c>relative_position_index</c> buffers are left
    /// out of the handed-over map: the exporter rebuilds them.
    /// </summary>
    [Theory]
    [InlineData(1, 32)]
    [InlineData(2, 32)]
    [InlineData(1, 48)]
    public void Exported_swin_fusion_network_matches_torchsharp(int batch, int size) =>
        AssertParity("concat*", FusionMode.ConcatProjected, "swin", batch, size);

    private void AssertParity(string modeName, FusionMode mode, string architecture, int batch, int size = Size)
    {
        manual_seed(batch + (int)mode);
        using var network = new FusionNetwork(FusionNetworkSpec.Create(mode, architecture, [1, size, size, size], ["ct"], RadiomicsCount));
        var (expected, actual) = TorchSharpParity.ExportAndScore(network, mode, modeName, RadiomicsCount, batch, size, Path.Combine(_folder, "fusion.onnx"));

        var maxDelta = expected.Select((e, i) => Math.Abs(e - actual[i])).Max();
        output.WriteLine($"TorchSharp {modeName} {architecture} batch {batch}: max |Δp| = {maxDelta:E2}; p = {string.Join(", ", expected.Select(v => v.ToString("F4")))}");
        Assert.Equal(batch, actual.Length);
        Assert.True(maxDelta <= 1e-4, $"max |Δp| = {maxDelta}");
        Assert.Contains(expected, v => v is > 0.01f and < 0.99f);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public void Whole_fused_pipeline_with_radiomics_steps_matches_mlnet_then_torchsharp(int batch)
    {
        // Raw radiomics → ML.NET z-score → decision-tree top-3 → concat fusion with a ResNet-10, all in one graph.
        var ml = new MLContext(seed: 1);
        var radiomicsSteps = ml.Transforms.NormalizeMeanVariance("Features", fixZero: false)
            .Append(ml.Transforms.SelectFeaturesByDecisionTree(topK: 3))
            .Fit(TabularData.WithSlotNames(ml, TabularData.Make(200, seed: 41)));
        manual_seed(batch);
        using var network = new FusionNetwork(FusionNetworkSpec.Create(FusionMode.Concat, "resnet10", [1, Size, Size, Size], ["ct"], 3));
        TorchSharpParity.Randomise(network);
        network.eval();
        var weights = network.state_dict()
            .Where(kv => kv.Value.dtype == ScalarType.Float32)
            .ToDictionary(kv => kv.Key, kv => new ParameterTensor(kv.Value.data<float>().ToArray(), kv.Value.shape));
        var path = Path.Combine(_folder, "pipeline.onnx");
        var definition = FusedModelDefinition.ForFusionNetwork(weights, "concat", Size, TabularData.FeatureNames) with { RadiomicsSteps = radiomicsSteps };
        FusedModelExporter.Export(definition, new OnnxModelMetadata(), path);

        var raw = TabularData.RandomBatch(batch, seed: 42);
        var transformed = ml.Data.CreateEnumerable<TabularData.Row>(
            radiomicsSteps.Transform(ml.Data.LoadFromEnumerable(TabularData.Rows(raw))), reuseRowObject: false)
            .SelectMany(r => r.Features).ToArray();
        using var image = rand([batch, 1L, Size, Size, Size]);
        using var radiomics = tensor(transformed, [batch, 3L]);
        float[] expected;
        using (no_grad())
        using (var logits = network.forward(image, radiomics))
        using (var p = nn.functional.softmax(logits, 1)[.., 1])
        {
            expected = p.data<float>().ToArray();
        }

        using var scorer = new OnnxScorer(path);
        var actual = scorer.Predict(new Dictionary<string, OnnxInput>
        {
            ["image"] = new(image.data<float>().ToArray(), [batch, 1, Size, Size, Size]),
            ["radiomics"] = new(raw, [batch, TabularData.FeatureCount]),
        });

        var maxDelta = expected.Select((e, i) => Math.Abs(e - actual[i])).Max();
        output.WriteLine($"raw radiomics → ML.NET steps → TorchSharp concat vs one ONNX graph, batch {batch}: max |Δp| = {maxDelta:E2}");
        Assert.True(maxDelta <= 1e-4, $"max |Δp| = {maxDelta}");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
