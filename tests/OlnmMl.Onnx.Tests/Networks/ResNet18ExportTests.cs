using Microsoft.ML.OnnxRuntime;
using OlnmMl.Onnx.Graph;
using OlnmMl.Onnx.Networks;
using OlnmMl.Onnx.Protos;
using OlnmMl.Onnx.Scoring;
using Xunit.Abstractions;
using StateDictionary = System.Collections.Generic.Dictionary<string, (float[] Data, long[] Shape)>;

namespace OlnmMl.Onnx.Tests.Networks;

/// <summary>The full-size fused ResNet-18 (96³ CT + 10 radiomics, concat head) loads in ONNX Runtime with every graph optimisation on.</summary>
public sealed class ResNet18ExportTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("olnm-onnx-").FullName;

    /// <summary>Random FusionNetwork-layout ResNet-18 (encoder.*, widths 64…512, 2 blocks per layer) with the concat head over 512 + 10 features.</summary>
    internal static FusedModelDefinition FusedResNet18(int seed)
    {
        var sd = new StateDictionary();
        var r = new Random(seed);
        var width = TinyNetworks.ResNet(sd, r, "encoder.", 1, 64, [64, 128, 256, 512], [2, 2, 2, 2], bottleneck: false);
        TinyNetworks.Linear(sd, r, "head", 2, width + 10, gain: 0.3);
        return new FusedModelDefinition
        {
            Weights = TinyNetworks.ToParameters(sd),
            RadiomicsFeatureNames = Enumerable.Range(0, 10).Select(i => $"feature_{i}").ToArray(),
            Head = FusionHeadSpec.ForFusionNetwork("concat"),
        };
    }

    [Fact]
    public void Fused_resnet18_loads_with_all_optimisations_and_folds_batch_norms()
    {
        var definition = FusedResNet18(seed: 18);
        var path = Path.Combine(_folder, "resnet18-fused.onnx");
        var optimisedPath = Path.Combine(_folder, "resnet18-fused.opt.onnx");
        var parameters = definition.Weights.Values.Sum(t => t.ElementCount);

        var size = FusedModelExporter.Export(definition, new OnnxModelMetadata { Pipeline = "resnet18 concat" }, path);
        using (var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, OptimizedModelFilePath = optimisedPath })
        using (new InferenceSession(path, options))
        {
        }

        var written = ModelProto.Parser.ParseFrom(File.ReadAllBytes(path)).Graph;
        var optimised = ModelProto.Parser.ParseFrom(File.ReadAllBytes(optimisedPath)).Graph;
        using var scorer = new OnnxScorer(path);
        var random = new Random(1);
        var image = Enumerable.Range(0, 96 * 96 * 96).Select(_ => (float)random.NextDouble()).ToArray();
        var p = scorer.Predict(new Dictionary<string, OnnxInput>
        {
            ["image"] = new(image, [1, 1, 96, 96, 96]),
            ["radiomics"] = new(new float[10], [1, 10]),
        });
        output.WriteLine($"ResNet-18 fused: {parameters:N0} parameters, file {size:N0} bytes, {written.Node.Count} nodes → {optimised.Node.Count} after ORT_ENABLE_ALL; p = {p[0]}");

        // MedicalNet ResNet-18 for 1 channel: 33.15 M parameters + BN buffers; raw float32 storage dominates the file.
        Assert.InRange(size, 4 * parameters, (4 * parameters) + 1_000_000);
        // 20 BatchNormalization nodes, each folded into its Conv by the optimiser.
        Assert.Equal(20, written.Node.Count(n => n.OpType == "BatchNormalization"));
        Assert.DoesNotContain(optimised.Node, n => n.OpType == "BatchNormalization");
        Assert.Single(p);
        Assert.InRange(p[0], 0f, 1f);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
