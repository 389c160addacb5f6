using BenchmarkDotNet.Attributes;
using static TorchSharp.torch;

namespace OlnmMl.Benchmarks.Torch;

/// <summary>
/// The machine's practical float32 peak through libtorch: a 2048 × 2048 matrix product
/// (2 · 2048³ = 17.18 GFLOP per call). GFLOP/s = 17.18 / mean seconds. Run: <c>--filter '*MatmulRoofline*' --job short --inProcess</c>.
/// </summary>
public class MatmulRooflineBenchmarks
{
    private Tensor a = null!;
    private Tensor b = null!;

    [GlobalSetup]
    public void Setup()
    {
        manual_seed(1);
        a = randn(2048, 2048);
        b = randn(2048, 2048);
    }

    [Benchmark]
    public float Matmul2048()
    {
        using var c = a.matmul(b);
        return c[0, 0].item<float>();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        a.Dispose();
        b.Dispose();
    }
}
