using BenchmarkDotNet.Attributes;
using OlnmMl.Onnx.Graph;
using OlnmMl.Onnx.Networks;
using OlnmMl.Onnx.Scoring;
using OlnmMl.Torch.Fusion;
using TorchSharp;
using static TorchSharp.torch;

namespace OlnmMl.Benchmarks.Onnx;

/// <summary>
/// Per-case CPU latency of the fused ResNet-18 (concat fusion, 96³ CT + 10 radiomics → probability):
/// TorchSharp's <see cref="FusionNetwork"/> in eval mode vs the same weights exported by OlnmMl.Onnx
/// and run in ONNX Runtime (all graph optimisations). The setup checks parity (|Δp| ≤ 1e-4) and
/// prints the file size; run with <c>--filter '*FusedResNet18*' --job short</c>.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class FusedResNet18LatencyBenchmarks
{
    private const int Size = 96;
    private const int RadiomicsCount = 10;
    private FusionNetwork _network = null!;
    private OnnxScorer _scorer = null!;
    private Tensor _image = null!;
    private Tensor _radiomics = null!;
    private Dictionary<string, OnnxInput> _inputs = null!;
    private string _path = "";

    [GlobalSetup]
    public void Setup()
    {
        manual_seed(1);
        _network = new FusionNetwork(FusionNetworkSpec.Create(FusionMode.Concat, "resnet18", [1, Size, Size, Size], ["ct"], RadiomicsCount));
        _network.eval();
        var weights = _network.state_dict()
            .Where(kv => kv.Value.dtype == ScalarType.Float32)
            .ToDictionary(kv => kv.Key, kv => new ParameterTensor(kv.Value.data<float>().ToArray(), kv.Value.shape));
        var definition = FusedModelDefinition.ForFusionNetwork(
            weights, "concat", Size, Enumerable.Range(0, RadiomicsCount).Select(i => $"feature_{i}").ToArray());
        _path = Path.Combine(Path.GetTempPath(), $"olnm-fused-resnet18-{Environment.ProcessId}.onnx");
        var bytes = FusedModelExporter.Export(definition, new OnnxModelMetadata { Pipeline = "resnet18 concat (random init)" }, _path);
        _scorer = new OnnxScorer(_path);

        _image = rand([1L, 1, Size, Size, Size]);
        _radiomics = randn([1L, RadiomicsCount]);
        _inputs = new Dictionary<string, OnnxInput>
        {
            ["image"] = new(_image.data<float>().ToArray(), [1, 1, Size, Size, Size]),
            ["radiomics"] = new(_radiomics.data<float>().ToArray(), [1, RadiomicsCount]),
        };
        var torchP = TorchSharpCase();
        var onnxP = OnnxRuntimeCase();
        var delta = Math.Abs(torchP - onnxP);
        Console.WriteLine($"// fused ResNet-18 ONNX: {bytes:N0} bytes, {weights.Values.Sum(t => t.ElementCount):N0} parameters; p TorchSharp {torchP:R} vs ONNX Runtime {onnxP:R}, |Δp| = {delta:E2}");
        if (delta > 1e-4)
        {
            throw new InvalidOperationException($"ONNX export disagrees with TorchSharp: |Δp| = {delta}.");
        }
    }

    [Benchmark(Baseline = true)]
    public float TorchSharpCase()
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var logits = _network.forward(_image, _radiomics);
        return nn.functional.softmax(logits, 1)[0, 1].item<float>();
    }

    [Benchmark]
    public float OnnxRuntimeCase() => _scorer.Predict(_inputs)[0];

    [GlobalCleanup]
    public void Cleanup()
    {
        _scorer.Dispose();
        _network.Dispose();
        File.Delete(_path);
    }
}
