using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Networks;

/// <summary>
/// MONAI <c>_DenseLayer</c>: <c>layers</c> = norm1, relu1, conv1 (1×1×1 → bnSize·k), norm2,
/// relu2, conv2 (3×3×3 → k); output = <c>cat([x, layers(x)], channel)</c>.
/// </summary>
internal sealed class DenseLayer : nn.Module<Tensor, Tensor>
{
    private readonly Sequential layers;

    public DenseLayer(long inChannels, long growthRate, long bottleneckSize) : base(nameof(DenseLayer))
    {
        long width = bottleneckSize * growthRate;
        layers = nn.Sequential(
            ("norm1", nn.BatchNorm3d(inChannels)),
            ("relu1", nn.ReLU()),
            ("conv1", nn.Conv3d(inChannels, width, 1, bias: false)),
            ("norm2", nn.BatchNorm3d(width)),
            ("relu2", nn.ReLU()),
            ("conv2", nn.Conv3d(width, growthRate, 3, padding: 1, bias: false)));
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var grown = BatchNormStep.Sequence(layers, input);
        return cat([input, grown], 1);
    }
}

/// <summary>Builders for MONAI's <c>_DenseBlock</c> and <c>_Transition</c> sequences.</summary>
internal static class DenseNetParts
{
    /// <summary><c>denselayer1</c>..<c>denselayerN</c>; channels grow by k per layer.</summary>
    public static Sequential Block(long inChannels, int layers, long growthRate, long bottleneckSize)
    {
        var named = new (string, nn.Module<Tensor, Tensor>)[layers];
        for (int i = 0; i < layers; i++)
        {
            named[i] = ($"denselayer{i + 1}", new DenseLayer(inChannels + i * growthRate, growthRate, bottleneckSize));
        }
        return nn.Sequential(named);
    }

    /// <summary>norm, relu, conv (1×1×1, no bias), pool (2×2×2 average, stride 2).</summary>
    public static Sequential Transition(long inChannels, long outChannels) => nn.Sequential(
        ("norm", nn.BatchNorm3d(inChannels)),
        ("relu", nn.ReLU()),
        ("conv", nn.Conv3d(inChannels, outChannels, 1, bias: false)),
        ("pool", nn.AvgPool3d(2, 2)));
}
