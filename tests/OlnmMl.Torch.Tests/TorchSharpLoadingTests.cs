namespace OlnmMl.Torch.Tests;

/// <summary>TorchSharp's native library loads on this machine (see build/TorchSharpNative.targets).</summary>
public sealed class TorchSharpLoadingTests
{
    [Fact]
    public void SumOfTwoOnesIsTwo()
    {
        // 1 + 1 = 2, computed by libtorch: fails if libLibTorchSharp.so cannot be loaded.
        using var ones = TorchSharp.torch.ones(2);
        using var sum = ones.sum();
        Assert.Equal(2f, sum.item<float>());
    }
}
