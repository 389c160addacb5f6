using Microsoft.ML.OnnxRuntime;
using OlnmMl.Onnx.Graph;
using OlnmMl.Onnx.Networks;
using OlnmMl.Onnx.Scoring;
using Xunit.Abstractions;
using StateDictionary = System.Collections.Generic.Dictionary<string, (float[] Data, long[] Shape)>;

namespace OlnmMl.Onnx.Tests.Networks;

/// <summary>
/// ONNX Runtime output of exported fused networks vs <see cref="ReferenceNet"/>, an independent
/// naive forward pass, for tiny random networks (16³ volumes).
/// </summary>
public sealed class FusedModelParityTests(ITestOutputHelper output) : IDisposable
{
    private const int Size = 16;
    private const int RadiomicsCount = 5;
    private static readonly float[] Offset = [1f, -2f, 0.5f, 10f, 0f];
    private static readonly float[] Scale = [0.5f, 2f, 1f, 0.1f, 3f];
    private static readonly int[] Selected = [4, 0, 2];
    private readonly string _folder = Directory.CreateTempSubdirectory("olnm-onnx-").FullName;

    public static TheoryData<string, int> Cases() => new()
    {
        { "basic/concat/sigmoid", 1 }, { "basic/concat/sigmoid", 7 },
        { "bottleneck/add/softmax", 7 },
        { "basic+pet/learnable-add/softmax", 1 }, { "basic+pet/learnable-add/softmax", 7 },
        { "torch/add*", 7 }, { "torch/learnable-add*", 7 }, { "torch/concat*", 1 }, { "torch/concat*", 7 }, { "torch/concat", 7 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Onnx_runtime_matches_the_reference_forward_pass(string variant, int batch)
    {
        var (definition, sd) = Build(variant);
        var path = Path.Combine(_folder, "fused.onnx");
        FusedModelExporter.Export(definition, new OnnxModelMetadata { Pipeline = variant }, path);
        var random = new Random(batch);
        var image = Enumerable.Range(0, batch * Size * Size * Size).Select(_ => (float)random.NextDouble()).ToArray();
        var pet = Enumerable.Range(0, batch * Size * Size * Size).Select(_ => (float)random.NextDouble()).ToArray();
        var radiomics = TinyNetworks.Random(random, batch * RadiomicsCount, 1);
        var inputs = new Dictionary<string, OnnxInput>
        {
            [FusedModelExporter.ImageInput] = new(image, [batch, 1, Size, Size, Size]),
            [FusedModelExporter.RadiomicsInput] = new(radiomics, [batch, RadiomicsCount]),
        };
        if (definition.Encoders.Any(e => e.InputName == "pet"))
        {
            inputs["pet"] = new(pet, [batch, 1, Size, Size, Size]);
        }

        using var scorer = new OnnxScorer(path);
        var actual = scorer.Predict(inputs);
        var expected = Reference(variant, sd, image, pet, radiomics, batch);

        var maxDelta = expected.Select((e, i) => Math.Abs(e - actual[i])).Max();
        output.WriteLine($"{variant} batch {batch}: max |Δp| = {maxDelta:E2}; p = {string.Join(", ", actual.Select(p => p.ToString("F4")))}");
        Assert.Equal(batch, actual.Length);
        Assert.True(maxDelta <= 1e-4, $"max |Δp| = {maxDelta}");
        if (batch > 1)
        {
            // The batch must reach the non-saturated range, where a wrong logit would show.
            Assert.Contains(expected, p => p is > 0.01 and < 0.99);
        }
    }

    [Fact]
    public void All_graph_optimisations_on_load_give_the_unoptimised_output()
    {
        var (definition, _) = Build("bottleneck/add/softmax");
        var path = Path.Combine(_folder, "opt.onnx");
        FusedModelExporter.Export(definition, new OnnxModelMetadata(), path);
        var random = new Random(3);
        var inputs = new Dictionary<string, OnnxInput>
        {
            ["image"] = new(Enumerable.Range(0, 2 * Size * Size * Size).Select(_ => (float)random.NextDouble()).ToArray(), [2, 1, Size, Size, Size]),
            ["radiomics"] = new(TinyNetworks.Random(random, 2 * RadiomicsCount, 5), [2, RadiomicsCount]),
        };

        using var optimised = new OnnxScorer(path, GraphOptimizationLevel.ORT_ENABLE_ALL);
        using var plain = new OnnxScorer(path, GraphOptimizationLevel.ORT_DISABLE_ALL);

        Assert.Equal(plain.Predict(inputs), optimised.Predict(inputs), (a, b) => Math.Abs(a - b) <= 1e-5);
    }

    [Fact]
    public void Missing_parameter_is_named_with_its_full_prefix()
    {
        var (definition, sd) = Build("basic/concat/sigmoid");
        sd.Remove("image_encoder.layer2.0.downsample.1.running_var");

        var e = Assert.Throws<KeyNotFoundException>(() => FusedModelExporter.BuildGraph(definition with { Weights = TinyNetworks.ToParameters(sd) }));

        Assert.Contains("image_encoder.layer2.0.downsample.1.running_var", e.Message);
    }

    /// <summary>A tiny random fused network of <paramref name="variant"/> (see <see cref="Cases"/>) and its state dict.</summary>
    internal static (FusedModelDefinition Definition, StateDictionary Sd) Build(string variant)
    {
        if (variant.StartsWith("torch/", StringComparison.Ordinal))
        {
            return BuildFusionNetwork(variant["torch/".Length..]);
        }

        var sd = new StateDictionary();
        var r = new Random(variant.Length);
        var bottleneck = variant.StartsWith("bottleneck", StringComparison.Ordinal);
        var width = bottleneck
            ? TinyNetworks.ResNet(sd, r, "image_encoder.", 1, 4, [2, 4, 4, 4], [1, 1, 1, 1], bottleneck: true)
            : TinyNetworks.ResNet(sd, r, "image_encoder.", 1, 4, [4, 8, 8, 8], [2, 1, 1, 1], bottleneck: false);
        var pet = variant.Contains("+pet", StringComparison.Ordinal);
        if (pet)
        {
            TinyNetworks.ResNet(sd, r, "pet_encoder.", 1, 4, [4, 8, 8, 8], [1, 1, 1, 1], bottleneck: false);
        }

        FusionHeadSpec head;
        if (variant.Contains("/concat/", StringComparison.Ordinal))
        {
            TinyNetworks.Linear(sd, r, "head.0", 6, width + Selected.Length);
            TinyNetworks.Linear(sd, r, "head.2", 1, 6, gain: 0.3);
            head = new FusionHeadSpec { Kind = FusionKind.Concat, Layers = ["head.0", "head.2"], Output = HeadOutput.Sigmoid };
        }
        else
        {
            var projections = new List<string> { "proj_image" };
            TinyNetworks.Linear(sd, r, "proj_image", 6, width, gain: 0.3);
            if (pet)
            {
                TinyNetworks.Linear(sd, r, "proj_pet", 6, 8, gain: 0.3);
                projections.Add("proj_pet");
            }

            TinyNetworks.Linear(sd, r, "proj_radiomics", 6, Selected.Length, gain: 0.3);
            projections.Add("proj_radiomics");
            TinyNetworks.Linear(sd, r, "fc", 2, 6, gain: 0.3);
            var learnable = variant.Contains("learnable", StringComparison.Ordinal);
            var weights = projections.Select(p => p + "_weight").ToList();
            foreach (var w in weights)
            {
                sd[w] = ([(float)(0.5 + r.NextDouble())], [1]);
            }

            head = new FusionHeadSpec
            {
                Kind = learnable ? FusionKind.LearnableAdd : FusionKind.Add,
                Projections = projections,
                ModalityWeights = learnable ? weights : [],
                Layers = ["fc"],
                Output = HeadOutput.Softmax,
            };
        }

        var definition = new FusedModelDefinition
        {
            Weights = TinyNetworks.ToParameters(sd),
            Encoders = pet
                ? [new(FusedModelExporter.ImageInput, "image_encoder.", EncoderFamily.ResNet, 1), new("pet", "pet_encoder.", EncoderFamily.ResNet, 1)]
                : [new(FusedModelExporter.ImageInput, "image_encoder.", EncoderFamily.ResNet, 1)],
            EncodersAsOneModality = false, // each encoder's features are a modality of the head
            ImageSize = Size,
            RadiomicsFeatureNames = Enumerable.Range(0, RadiomicsCount).Select(i => $"f{i}").ToArray(),
            Radiomics = new RadiomicsPreprocessing(Offset, Scale, Selected),
            Head = head,
        };
        return (definition, sd);
    }

    /// <summary>OlnmMl.Torch FusionNetwork layout: encoder.*, radiomics_projection (k → W), deep_weight, radiomics_weight, head (→ 2).</summary>
    private static (FusedModelDefinition Definition, StateDictionary Sd) BuildFusionNetwork(string mode)
    {
        var sd = new StateDictionary();
        var r = new Random(mode.Length * 7);
        var width = TinyNetworks.ResNet(sd, r, "encoders.image.", 1, 4, [4, 8, 8, 8], [1, 1, 1, 1], bottleneck: false);
        TinyNetworks.Linear(sd, r, "radiomics_projection", width, Selected.Length, gain: 0.5);
        sd["deep_weight"] = ([0.7f], [1]);
        sd["radiomics_weight"] = ([1.3f], [1]);
        var embedding = mode switch { "concat*" => 2 * width, "concat" => width + Selected.Length, _ => width };
        TinyNetworks.Linear(sd, r, "head", 2, embedding, gain: 0.3);
        var definition = new FusedModelDefinition
        {
            Weights = TinyNetworks.ToParameters(sd),
            Encoders = [new(FusedModelExporter.ImageInput, "encoders.image.", EncoderFamily.ResNet, 1)],
            ImageSize = Size,
            RadiomicsFeatureNames = Enumerable.Range(0, RadiomicsCount).Select(i => $"f{i}").ToArray(),
            Radiomics = new RadiomicsPreprocessing(Offset, Scale, Selected),
            Head = FusionHeadSpec.ForFusionNetwork(mode),
        };
        return (definition, sd);
    }

    private static double[] FusionNetworkReference(string mode, StateDictionary sd, float[] image, float[] radiomics, int batch)
    {
        var deep = ReferenceNet.ResNetFeatures(ReferenceNet.FromFloats(image, batch, 1, Size), sd, "encoders.image.");
        var result = new double[batch];
        for (var n = 0; n < batch; n++)
        {
            var rad = Selected.Select(j => ((double)radiomics[(n * RadiomicsCount) + j] - Offset[j]) * Scale[j]).ToArray();
            var d = deep[n];
            double[] Projected() => ReferenceNet.Linear(rad, sd, "radiomics_projection");
            var fused = mode switch
            {
                "add*" => d.Zip(Projected(), (a, b) => a + b).ToArray(),
                "learnable-add*" => d.Zip(Projected(), (a, b) => (0.7f * a) + (1.3f * b)).ToArray(),
                "concat*" => d.Concat(Projected()).ToArray(),
                _ => d.Concat(rad).ToArray(),
            };
            var z = ReferenceNet.Linear(fused, sd, "head");
            result[n] = 1 / (1 + Math.Exp(z[0] - z[1]));
        }

        return result;
    }

    private static double[] Reference(string variant, StateDictionary sd, float[] image, float[] pet, float[] radiomics, int batch)
    {
        if (variant.StartsWith("torch/", StringComparison.Ordinal))
        {
            return FusionNetworkReference(variant["torch/".Length..], sd, image, radiomics, batch);
        }

        var imageFeatures = ReferenceNet.ResNetFeatures(ReferenceNet.FromFloats(image, batch, 1, Size), sd, "image_encoder.");
        var petFeatures = variant.Contains("+pet", StringComparison.Ordinal)
            ? ReferenceNet.ResNetFeatures(ReferenceNet.FromFloats(pet, batch, 1, Size), sd, "pet_encoder.")
            : null;
        var result = new double[batch];
        for (var n = 0; n < batch; n++)
        {
            // Radiomics: (x − offset)·scale, then slots 4, 0, 2.
            var rad = Selected.Select(j => ((double)radiomics[(n * RadiomicsCount) + j] - Offset[j]) * Scale[j]).ToArray();
            if (variant.Contains("/concat/", StringComparison.Ordinal))
            {
                var h = ReferenceNet.Linear(imageFeatures[n].Concat(rad).ToArray(), sd, "head.0").Select(v => Math.Max(0, v)).ToArray();
                var z = ReferenceNet.Linear(h, sd, "head.2")[0];
                result[n] = 1 / (1 + Math.Exp(-z));
            }
            else
            {
                var learnable = variant.Contains("learnable", StringComparison.Ordinal);
                double W(string name) => learnable ? sd[name + "_weight"].Data[0] : 1;
                var terms = new List<double[]>
                {
                    ReferenceNet.Linear(imageFeatures[n], sd, "proj_image").Select(v => v * W("proj_image")).ToArray(),
                    ReferenceNet.Linear(rad, sd, "proj_radiomics").Select(v => v * W("proj_radiomics")).ToArray(),
                };
                if (petFeatures is not null)
                {
                    terms.Add(ReferenceNet.Linear(petFeatures[n], sd, "proj_pet").Select(v => v * W("proj_pet")).ToArray());
                }

                var fused = Enumerable.Range(0, 6).Select(i => terms.Sum(t => t[i])).ToArray();
                var z = ReferenceNet.Linear(fused, sd, "fc");
                result[n] = Math.Exp(z[1]) / (Math.Exp(z[0]) + Math.Exp(z[1]));
            }
        }

        return result;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
