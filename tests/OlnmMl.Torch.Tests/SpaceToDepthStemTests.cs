using OlnmMl.Torch.Networks;
using TorchSharp;

namespace OlnmMl.Torch.Tests;

public sealed class SpaceToDepthStemTests
{
    [Fact]
    public void ResNetWithTheSpaceToDepthStemComputesTheSameFeaturesFromTheSameWeights()
    {
        // Reference: the direct 7×7×7 stride-2 convolution of the standard network. Same seed,
        // same weights, so any difference comes from the rearrangement (float rounding only).
        using var first = new torch.Generator(3);
        using var second = new torch.Generator(3);
        using var standard = new ResNet(ResNetArchitecture.ResNet10Tiny, inputChannels: 2, generator: first);
        using var rearranged = new ResNet(ResNetArchitecture.ResNet10Tiny, inputChannels: 2, spaceToDepthStem: true, generator: second);
        standard.eval();
        rearranged.eval();
        using var input = torch.randn([2, 2, 18, 20, 16], generator: first);
        using var expected = standard.Features(input);
        using var actual = rearranged.Features(input);
        Assert.True(actual.allclose(expected, rtol: 1e-4, atol: 1e-5));
        Assert.Equal(standard.state_dict().Keys, rearranged.state_dict().Keys);
    }
}
