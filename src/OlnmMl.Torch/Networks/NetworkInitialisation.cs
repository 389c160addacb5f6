using OlnmMl.Torch.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Networks;

/// <summary>
/// Weight initialisation of the encoder families, drawn from a caller's <see cref="Generator"/> so
/// that concurrent trainings never share random state. The distributions are PyTorch's and MONAI's:
/// <list type="bullet">
/// <item><see cref="PyTorchDefaults"/>: convolution (2D, 3D) and Linear weights kaiming-uniform with a = √5
/// (U(±1/√fan_in)), their biases U(±1/√fan_in) — what TorchSharp's constructors draw from the global
/// generator, with the same arithmetic, so one seed gives the same values from either source.</item>
/// <item><see cref="KaimingNormalConvolutions"/>: MONAI's ResNet/DenseNet rule on top — convolution
/// weights kaiming-normal (fan-out, ReLU gain √2), BN weight 1 and bias 0, linear bias 0.</item>
/// </list>
/// Norm layers (BN, LayerNorm) start at weight 1, bias 0 and draw nothing.
/// </summary>
internal static class NetworkInitialisation
{
    private static readonly double Sqrt5 = Math.Sqrt(5);

    /// <summary>Redraws every convolution and Linear weight and bias of <paramref name="module"/> (itself included) with PyTorch's defaults.</summary>
    public static void PyTorchDefaults(nn.Module module, Generator generator)
    {
        using var noGrad = no_grad();
        foreach (var child in module.named_modules().Select(m => m.module).Prepend(module))
        {
            switch (child)
            {
                case Convolution conv:
                    DefaultWeightAndBias(conv.weight, conv.bias, generator);
                    break;
                case Linear linear:
                    DefaultWeightAndBias(linear.weight, linear.bias, generator);
                    break;
            }
        }
    }

    /// <summary>
    /// Kaiming-normal convolution weights (gain √2, standard deviation √(2 / fan) with the fan of
    /// <paramref name="mode"/>), BN weight 1 and bias 0, linear bias 0. MONAI's ResNet
    /// (<c>resnet.py</c>) uses <c>mode="fan_out", nonlinearity="relu"</c>; its DenseNet
    /// (<c>densenet.py</c>) PyTorch's defaults, fan-in with leaky-ReLU slope 0, the same gain √2.
    /// Draws from <paramref name="generator"/>; a null generator draws from torch's process-wide one
    /// (only for networks whose weights are loaded afterwards).
    /// </summary>
    public static void KaimingNormalConvolutions(nn.Module module, nn.init.FanInOut mode, Generator? generator)
    {
        using var noGrad = no_grad();
        foreach (var (_, child) in module.named_modules())
        {
            switch (child)
            {
                case Convolution conv:
                    if (generator is null)
                    {
                        nn.init.kaiming_normal_(conv.weight, mode: mode, nonlinearity: nn.init.NonlinearityType.ReLU);
                    }
                    else
                    {
                        long fan = ReceptiveField(conv.weight) * (mode == nn.init.FanInOut.FanOut ? conv.weight.shape[0] : conv.weight.shape[1]);
                        conv.weight.normal_(0, Math.Sqrt(2.0 / fan), generator);
                    }

                    break;
                case BatchNorm norm:
                    norm.weight!.fill_(ScalarValue.One);
                    norm.bias!.zero_();
                    break;
                case Linear linear when linear.bias is not null:
                    linear.bias.zero_();
                    break;
            }
        }
    }

    private static long ReceptiveField(Tensor weight)
    {
        long receptive = 1;
        for (int d = 2; d < weight.dim(); d++)
        {
            receptive *= weight.shape[d];
        }
        return receptive;
    }

    private static void DefaultWeightAndBias(Tensor weight, Tensor? bias, Generator generator)
    {
        long fanIn = weight.shape[1] * ReceptiveField(weight);
        // torch::nn::init::kaiming_uniform_(a = √5): gain √(2 / (1 + a²)), bound √3 · gain / √fan_in.
        double bound = Math.Sqrt(3.0) * (Math.Sqrt(2.0 / (1 + (Sqrt5 * Sqrt5))) / Math.Sqrt(fanIn));
        weight.uniform_(-bound, bound, generator);
        if (bias is not null)
        {
            double biasBound = fanIn > 0 ? 1 / Math.Sqrt(fanIn) : 0;
            bias.uniform_(-biasBound, biasBound, generator);
        }
    }
}
