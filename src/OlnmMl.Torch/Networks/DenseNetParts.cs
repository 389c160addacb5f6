using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Networks;

/// <summary>
/// MONAI/torchvision <c>_DenseLayer</c>: norm1, relu1, conv1 (1-wide → bnSize·k), norm2, relu2, conv2 (3-wide → k);
/// output = <c>cat([x, layers(x)], channel)</c>. The modules are registered under <c>layers.</c> with
/// <see cref="DenseNetNaming.Monai"/> and directly under the layer with <see cref="DenseNetNaming.TorchVision"/>.
/// </summary>
internal sealed class DenseLayer : nn.Module<Tensor, Tensor>
{
    // An array, which TorchSharp does not register: the constructor registers the steps under the naming's names.
    private readonly nn.Module<Tensor, Tensor>[] steps;

    public DenseLayer(long inChannels, long growthRate, long bottleneckSize, DenseNetArchitecture architecture) : base(nameof(DenseLayer))
    {
        int d = architecture.SpatialDims;
        long width = bottleneckSize * growthRate;
        (string Name, nn.Module<Tensor, Tensor> Module)[] named =
        [
            ("norm1", SpatialLayers.BatchNorm(d, inChannels)),
            ("relu1", nn.ReLU()),
            ("conv1", SpatialLayers.Conv(d, inChannels, width, 1, bias: false)),
            ("norm2", SpatialLayers.BatchNorm(d, width)),
            ("relu2", nn.ReLU()),
            ("conv2", SpatialLayers.Conv(d, width, growthRate, 3, padding: 1, bias: false)),
        ];
        steps = named.Select(step => step.Module).ToArray();
        if (architecture.Naming == DenseNetNaming.Monai)
        {
            register_module("layers", nn.Sequential(named));
        }
        else
        {
            foreach (var (name, module) in named)
            {
                register_module(name, module);
            }
        }
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var grown = input;
        foreach (var step in steps)
        {
            grown = BatchNormStep.Step(step, grown);
        }
        return cat([input, grown], 1).MoveToOuterDisposeScope();
    }
}

/// <summary>Builders for MONAI's/torchvision's <c>_DenseBlock</c> and <c>_Transition</c> sequences.</summary>
internal static class DenseNetParts
{
    /// <summary><c>denselayer1</c>..<c>denselayerN</c>; channels grow by k per layer.</summary>
    public static Sequential Block(long inChannels, int layers, DenseNetArchitecture architecture)
    {
        var named = new (string, nn.Module<Tensor, Tensor>)[layers];
        for (int i = 0; i < layers; i++)
        {
            named[i] = ($"denselayer{i + 1}", new DenseLayer(inChannels + i * architecture.GrowthRate, architecture.GrowthRate, architecture.BottleneckSize, architecture));
        }
        return nn.Sequential(named);
    }

    /// <summary>norm, relu, conv (1-wide, no bias), pool (2-wide average, stride 2).</summary>
    public static Sequential Transition(long inChannels, long outChannels, int spatialDims) => nn.Sequential(
        ("norm", SpatialLayers.BatchNorm(spatialDims, inChannels)),
        ("relu", nn.ReLU()),
        ("conv", SpatialLayers.Conv(spatialDims, inChannels, outChannels, 1, bias: false)),
        ("pool", SpatialLayers.AveragePool(spatialDims, 2)));
}
