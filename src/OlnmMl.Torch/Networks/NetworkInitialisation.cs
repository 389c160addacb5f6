using TorchSharp.Modules;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Networks;

/// <summary>Weight initialisation shared by the convolutional families (as MONAI does).</summary>
internal static class NetworkInitialisation
{
    /// <summary>
    /// Kaiming-normal convolution weights (gain √2, standard deviation √(2 / fan) with the fan of
    /// <paramref name="mode"/>), BN weight 1 and bias 0, linear bias 0. MONAI's ResNet
    /// (<c>resnet.py</c>) uses <c>mode="fan_out", nonlinearity="relu"</c>; its DenseNet
    /// (<c>densenet.py</c>) PyTorch's defaults, fan-in with leaky-ReLU slope 0, the same gain √2.
    /// Draws from the global torch generator, so <c>torch.manual_seed</c> fixes the result.
    /// </summary>
    public static void KaimingNormalConvolutions(nn.Module module, nn.init.FanInOut mode)
    {
        using var noGrad = no_grad();
        foreach (var (_, child) in module.named_modules())
        {
            switch (child)
            {
                case Conv3d conv:
                    nn.init.kaiming_normal_(conv.weight, mode: mode, nonlinearity: nn.init.NonlinearityType.ReLU);
                    break;
                case BatchNorm3d norm:
                    nn.init.ones_(norm.weight);
                    nn.init.zeros_(norm.bias);
                    break;
                case Linear linear when linear.bias is not null:
                    nn.init.zeros_(linear.bias);
                    break;
            }
        }
    }
}
