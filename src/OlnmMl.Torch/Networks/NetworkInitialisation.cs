using TorchSharp.Modules;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Networks;

/// <summary>Weight initialisation shared by the convolutional families (as MONAI does).</summary>
internal static class NetworkInitialisation
{
    /// <summary>
    /// Kaiming-normal (fan-out, ReLU gain √2) convolution weights, BN weight 1 and bias 0,
    /// linear bias 0 — MONAI's ResNet/DenseNet initialisation. Draws from the global torch
    /// generator, so <c>torch.manual_seed</c> fixes the result.
    /// </summary>
    public static void KaimingNormalConvolutions(nn.Module module)
    {
        using var noGrad = no_grad();
        foreach (var (_, child) in module.named_modules())
        {
            switch (child)
            {
                case Conv3d conv:
                    nn.init.kaiming_normal_(conv.weight, mode: nn.init.FanInOut.FanOut, nonlinearity: nn.init.NonlinearityType.ReLU);
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
