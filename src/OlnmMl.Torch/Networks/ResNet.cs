using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Networks;

/// <summary>
/// ResNet in the MONAI/MedicalNet layout, which in 2D is torchvision's (<c>torchvision.models.resnet</c>, v1.5:
/// stride on the bottleneck's 3×3 conv): <c>conv1</c> (7-wide kernel, stride s₀, pad 3, no bias), <c>bn1</c>, ReLU,
/// 3-wide max-pool (stride 2), <c>layer1</c>..<c>layer4</c> (first-block strides and dilations of the row), global
/// average pool, and <c>fc</c> (absent in headless mode). Depth, block kind, stem stride s₀, strides, dilations,
/// shortcut and spatial dimensions (2: <c>[N, C, H, W]</c>, 3: <c>[N, C, D, H, W]</c>) come from a
/// <see cref="ResNetArchitecture"/> row. Initialised as MONAI's <c>resnet.py</c>
/// and torchvision: Kaiming-normal fan-out convolutions (std √(2 / fan-out)).
/// </summary>
public sealed class ResNet : FeatureNetwork
{
    private readonly Convolution conv1;
    private readonly BatchNorm bn1;
    private readonly Sequential layer1;
    private readonly Sequential layer2;
    private readonly Sequential layer3;
    private readonly Sequential layer4;
    private readonly Linear? fc;
    private readonly int inputChannels;
    private readonly int featureWidth;
    private readonly bool spaceToDepthStem;
    private readonly int spatialDims;

    /// <summary>
    /// Builds the network; <paramref name="numClasses"/> = 0 gives the headless encoder. With
    /// <paramref name="spaceToDepthStem"/> the stem conv runs as an equivalent stride-1 conv over a
    /// space-to-depth view (same <c>conv1.weight</c>, same result up to float rounding; see
    /// <see cref="SpaceToDepthStem"/>) whenever the input's sizes are even; 3D only. A non-null <paramref name="generator"/> draws every weight from it (a training run's own random stream); null draws from torch's process-wide generator, for networks whose weights are loaded afterwards.
    /// </summary>
    public ResNet(ResNetArchitecture architecture, int inputChannels = 1, int numClasses = 0, bool spaceToDepthStem = false, Generator? generator = null)
        : base(architecture.Name, architecture.SpatialDims)
    {
        Architecture = architecture;
        spatialDims = architecture.SpatialDims;
        if (spaceToDepthStem && (spatialDims != 3 || architecture.StemStride != 2))
        {
            throw new ArgumentException(
                $"The space-to-depth stem replaces a 3D stride-2 stem; {architecture.Name} is {spatialDims}D with stem stride {architecture.StemStride}.", nameof(spaceToDepthStem));
        }
        this.spaceToDepthStem = spaceToDepthStem;
        ArgumentOutOfRangeException.ThrowIfLessThan(inputChannels, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(numClasses);
        this.inputChannels = inputChannels;
        long inPlanes = architecture.Widths[0];
        conv1 = SpatialLayers.Conv(spatialDims, inputChannels, inPlanes, 7, stride: architecture.StemStride, padding: 3, bias: false);
        bn1 = SpatialLayers.BatchNorm(spatialDims, inPlanes);
        var layers = new Sequential[4];
        for (int i = 0; i < 4; i++)
        {
            long planes = architecture.Widths[i];
            var blocks = new nn.Module<Tensor, Tensor>[architecture.BlocksPerLayer[i]];
            for (int b = 0; b < blocks.Length; b++)
            {
                long stride = b == 0 ? architecture.LayerStrides[i] : 1;
                long dilation = architecture.LayerDilations[i];
                blocks[b] = architecture.Block == ResNetBlockKind.Basic
                    ? new ResNetBasicBlock(inPlanes, planes, stride, dilation, architecture)
                    : new ResNetBottleneckBlock(inPlanes, planes, stride, dilation, architecture);
                inPlanes = planes * architecture.Expansion;
            }
            layers[i] = nn.Sequential(blocks);
        }
        (layer1, layer2, layer3, layer4) = (layers[0], layers[1], layers[2], layers[3]);
        featureWidth = (int)inPlanes;
        fc = numClasses > 0 ? nn.Linear(inPlanes, numClasses) : null;
        RegisterComponents();
        if (generator is not null)
        {
            NetworkInitialisation.PyTorchDefaults(this, generator);
        }
        NetworkInitialisation.KaimingNormalConvolutions(this, nn.init.FanInOut.FanOut, generator);
    }

    /// <summary>The table row this network was built from (its layout: strides, dilations, shortcut, stem, bias).</summary>
    public ResNetArchitecture Architecture { get; }

    /// <inheritdoc/>
    public override int FeatureWidth => featureWidth;

    /// <inheritdoc/>
    public override int InputChannels => inputChannels;

    /// <inheritdoc/>
    public override bool IsHeadless => fc is null;

    /// <summary>The output of <c>layer4</c> before pooling, <c>[N, FeatureWidth, grid…]</c> (e.g. 3³ for a 96³ input with MONAI's strides, 12³ with MedicalNet's dilated layer3/4).</summary>
    public Tensor FeatureMap(Tensor input)
    {
        CheckInput(input);
        using var scope = NewDisposeScope();
        var stem = spaceToDepthStem && SpaceToDepthStem.Applies(input)
            ? SpaceToDepthStem.Convolve(input, conv1.weight!)
            : conv1.forward(input);
        var x = nn.functional.relu(BatchNormStep.Forward(bn1, stem));
        x = SpatialLayers.MaxPool(spatialDims, x, kernel: 3, stride: 2, padding: 1);
        return layer4.forward(layer3.forward(layer2.forward(layer1.forward(x)))).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public override Tensor Features(Tensor input)
    {
        using var map = FeatureMap(input);
        return map.mean(SpatialLayers.Axes(spatialDims));
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        if (fc is null)
        {
            return Features(input);
        }
        using var features = Features(input);
        return fc.forward(features);
    }
}
