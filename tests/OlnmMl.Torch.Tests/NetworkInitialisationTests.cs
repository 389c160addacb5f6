using OlnmMl.Torch.Networks;
using TorchSharp;
using TorchSharp.Modules;

namespace OlnmMl.Torch.Tests;

/// <summary>
/// Convolution initialisation as MONAI's sources: <c>densenet.py</c> calls <c>kaiming_normal_(w)</c>
/// (PyTorch's default mode, fan-in, gain √2), <c>resnet.py</c> <c>kaiming_normal_(w, mode="fan_out",
/// nonlinearity="relu")</c>; so each weight's standard deviation is √(2 / fan) with fan =
/// channels × kernel volume on the input (fan-in) or output (fan-out) side.
/// </summary>
public sealed class NetworkInitialisationTests
{
    [Theory]
    [InlineData("densenet121", true)]
    [InlineData("resnet18", false)]
    public void ConvolutionWeightsHaveTheKaimingStandardDeviationOfMonaisFanMode(string name, bool fanIn)
    {
        torch.manual_seed(5);
        using var network = NetworkCatalog.Create(name);
        var checkedConvolutions = 0;
        var discriminating = 0;
        foreach (var (key, module) in network.named_modules())
        {
            if (module is not Conv3d conv || conv.weight!.NumberOfElements < 4096)
            {
                continue;
            }

            var shape = conv.weight.shape;
            double receptive = shape[2] * shape[3] * shape[4];
            double expected = Math.Sqrt(2 / ((fanIn ? shape[1] : shape[0]) * receptive));
            double other = Math.Sqrt(2 / ((fanIn ? shape[0] : shape[1]) * receptive));
            double actual = conv.weight.std().item<float>();
            Assert.True(Math.Abs(actual / expected - 1) < 0.05, $"{name} {key}: std {actual}, expected √(2/fan) = {expected} (the other fan mode gives {other})");
            checkedConvolutions++;
            discriminating += Math.Abs(other / expected - 1) > 0.2 ? 1 : 0;
        }

        Assert.True(checkedConvolutions > 10, $"only {checkedConvolutions} convolutions checked");
        Assert.True(discriminating >= 5, $"only {discriminating} convolutions tell fan-in from fan-out");
    }
}
