using BenchmarkDotNet.Attributes;
using OlnmMl.Torch.Networks;
using static TorchSharp.torch;

namespace OlnmMl.Benchmarks.Torch;

/// <summary>
/// The single-channel 7×7×7 stride-2 stem of ResNet-18 on 96³ (batch 2, forward + backward):
/// libtorch's direct convolution vs the same weights through the space-to-depth rearrangement
/// (stride-1 4³ conv over 8 phase channels; 512/343 ≈ 1.5× the multiply-adds). The stem alone is
/// 4.86 GFLOP per sample forward. Run: <c>--filter '*ResNetStem*' --job short --inProcess</c>.
/// </summary>
public class ResNetStemBenchmarks
{
    private Tensor input = null!;
    private Tensor weight = null!;

    [GlobalSetup]
    public void Setup()
    {
        manual_seed(1);
        input = rand([2L, 1, 96, 96, 96]);
        weight = randn([64L, 1, 7, 7, 7]).requires_grad_();
    }

    [Benchmark(Baseline = true)]
    public float Direct()
    {
        using var scope = NewDisposeScope();
        weight.grad?.zero_();
        var output = nn.functional.conv3d(input, weight, null, [2, 2, 2], [3, 3, 3]);
        output.sum().backward();
        return weight.grad!.sum().item<float>();
    }

    [Benchmark]
    public float SpaceToDepth()
    {
        using var scope = NewDisposeScope();
        weight.grad?.zero_();
        var output = SpaceToDepthStem.Convolve(input, weight);
        output.sum().backward();
        return weight.grad!.sum().item<float>();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        input.Dispose();
        weight.Dispose();
    }
}
