using BenchmarkDotNet.Attributes;
using OlnmMl.Torch.Networks;
using static TorchSharp.torch;

namespace OlnmMl.Benchmarks.Torch;

/// <summary>
/// CPU training throughput of ResNet-18 (MedicalNet layout, 1 channel, 2-way head): one forward +
/// backward pass of a batch of 2 crops (batch norm needs two) at 32³, 64³ and 96³. Samples/s =
/// 2 / mean time; GFLOP/s = 2 · 3 · <see cref="ResNetFlops.Forward18"/> / time. Compare with
/// <see cref="MatmulRooflineBenchmarks"/>. Run: <c>--filter '*ResNet18Training*' --job short --inProcess</c>
/// (with OMP_WAIT_POLICY=PASSIVE on a shared machine).
/// Measured 2026-11-24 on the idle 2-core EPYC (AVX-512), matmul roofline 225 GFLOP/s in the same run:
/// 32³ 144 ms (13.9 samples/s, 40 GFLOP/s, 18 % of the roofline), 64³ 222 ms (9.0 samples/s,
/// 212 GFLOP/s, 94 %), 96³ 552 ms (3.6 samples/s, 288 GFLOP/s, 128 %: oneDNN's direct 3D
/// convolutions beat libtorch's sgemm here). At 32³ the deep layers run on 1–2³ grids, so
/// per-op overhead and memory-bound BN/ReLU dominate. The stem is 19 % of the 96³ step.
/// On a loaded machine (load ≈ 20) the same run gave 32³ 417 ms, 64³ 2.48 s, 96³ 5.60 s with
/// OMP_WAIT_POLICY=PASSIVE and 7.3 s / 13.7 s / 17.0 s without it.
/// </summary>
public class ResNet18TrainingBenchmarks
{
    private FeatureNetwork network = null!;
    private Tensor input = null!;
    private Tensor labels = null!;

    [Params(32, 64, 96)]
    public int Edge { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        manual_seed(1);
        network = NetworkCatalog.Create("resnet18", numClasses: 2);
        network.train();
        input = rand([2L, 1, Edge, Edge, Edge]);
        labels = tensor(new long[] { 0, 1 });
        Console.WriteLine($"// ResNet-18 at {Edge}³: forward {ResNetFlops.Forward18(Edge) / 1e9:F2} GFLOP/sample (stem {ResNetFlops.Stem(Edge) / 1e9:F2}), training ≈ {3 * ResNetFlops.Forward18(Edge) / 1e9:F1} GFLOP/sample");
    }

    [Benchmark]
    public float ForwardBackwardBatchOfTwo()
    {
        using var scope = NewDisposeScope();
        network.zero_grad();
        var loss = nn.functional.cross_entropy(network.forward(input), labels);
        loss.backward();
        return loss.item<float>();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        network.Dispose();
        input.Dispose();
        labels.Dispose();
    }
}
