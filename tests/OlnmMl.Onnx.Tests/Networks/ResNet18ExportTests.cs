using Microsoft.ML.OnnxRuntime;
using OlnmMl.Onnx.Protos;
using OlnmMl.Torch.Fusion;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace OlnmMl.Onnx.Tests.Networks;

/// <summary>
/// The full-size fused ResNet-18 (96³ CT + 10 radiomics, concat head, OlnmMl.Torch's own network): ONNX Runtime
/// gives TorchSharp's probability, and the graph loads with every optimisation on, its batch norms folded.
/// </summary>
public sealed class ResNet18ExportTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("olnm-onnx-").FullName;

    [Fact]
    public void Fused_resnet18_matches_torchsharp_and_folds_batch_norms_with_all_optimisations()
    {
        var path = Path.Combine(_folder, "resnet18-fused.onnx");
        var optimisedPath = Path.Combine(_folder, "resnet18-fused.opt.onnx");
        manual_seed(18);
        using var network = new FusionNetwork(FusionNetworkSpec.Create(FusionMode.Concat, "resnet18", [1, 96, 96, 96], ["ct"], 10));
        var parameters = network.parameters().Sum(p => p.NumberOfElements);
        var (expected, actual) = TorchSharpParity.ExportAndScore(network, FusionMode.Concat, "concat", radiomicsCount: 10, batch: 1, size: 96, path);

        using (var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, OptimizedModelFilePath = optimisedPath })
        using (new InferenceSession(path, options))
        {
        }

        var size = new FileInfo(path).Length;
        var written = ModelProto.Parser.ParseFrom(File.ReadAllBytes(path)).Graph;
        var optimised = ModelProto.Parser.ParseFrom(File.ReadAllBytes(optimisedPath)).Graph;
        var delta = Math.Abs(expected[0] - actual[0]);
        output.WriteLine($"ResNet-18 fused: {parameters:N0} parameters, file {size:N0} bytes, {written.Node.Count} nodes → {optimised.Node.Count} after ORT_ENABLE_ALL; p = {expected[0]} (TorchSharp) vs {actual[0]} (ONNX Runtime)");

        Assert.Single(actual);
        Assert.True(delta <= 1e-4, $"|Δp| = {delta}");
        // Not saturated: at p(1 − p) ≥ 0.001 a logit off by 0.1 moves p by more than the tolerance.
        Assert.InRange(expected[0], 0.001f, 0.999f);
        // MedicalNet ResNet-18 for 1 channel: 33.15 M parameters + BN buffers; raw float32 storage dominates the file.
        Assert.InRange(size, 4 * parameters, (4 * parameters) + 1_000_000);
        // 20 BatchNormalization nodes, each folded into its Conv by the optimiser.
        Assert.Equal(20, written.Node.Count(n => n.OpType == "BatchNormalization"));
        Assert.DoesNotContain(optimised.Node, n => n.OpType == "BatchNormalization");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
