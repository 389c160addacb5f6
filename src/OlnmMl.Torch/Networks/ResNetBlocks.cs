using OlnmMl.Torch.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Networks;

/// <summary>
/// MONAI <c>ResNetBlock</c> (torchvision <c>BasicBlock</c>, MedicalNet <c>BasicBlock</c>): <c>relu(bn2(conv2(relu(bn1(conv1(x))))) + shortcut(x))</c>,
/// 3-wide convolutions without bias in the architecture's spatial dimensions, dilated by d with padding d (d = 1 but in
/// MedicalNet's layer3/4); <c>downsample</c> (1-wide conv + BN, names "0", "1") when the stride or width changes.
/// </summary>
internal sealed class ResNetBasicBlock : nn.Module<Tensor, Tensor>
{
    private readonly Convolution conv1;
    private readonly BatchNorm bn1;
    private readonly Convolution conv2;
    private readonly BatchNorm bn2;
    private readonly Sequential? downsample;
    private readonly ResNetShortcut shortcut;

    public ResNetBasicBlock(long inPlanes, long planes, long stride, long dilation, ResNetArchitecture architecture) : base(nameof(ResNetBasicBlock))
    {
        int d = architecture.SpatialDims;
        conv1 = SpatialLayers.Conv(d, inPlanes, planes, 3, stride: stride, padding: dilation, bias: false, dilation: dilation);
        bn1 = SpatialLayers.BatchNorm(d, planes);
        conv2 = SpatialLayers.Conv(d, planes, planes, 3, padding: dilation, bias: false, dilation: dilation);
        bn2 = SpatialLayers.BatchNorm(d, planes);
        shortcut = new ResNetShortcut(inPlanes, planes, stride, architecture);
        downsample = shortcut.Projection;
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = nn.functional.relu(BatchNormStep.Forward(bn1, conv1.forward(input)));
        x = BatchNormStep.Forward(bn2, conv2.forward(x));
        return nn.functional.relu(x.add_(shortcut.Apply(input), ScalarValue.One)).MoveToOuterDisposeScope();
    }
}

/// <summary>
/// MONAI <c>ResNetBottleneck</c> (torchvision <c>Bottleneck</c>, MedicalNet <c>Bottleneck</c>): 1-wide (planes) → 3-wide
/// stride s, dilation d, padding d (planes) → 1-wide (4·planes) convolutions, each followed by BN, ReLU after the first
/// two and after the residual sum.
/// </summary>
internal sealed class ResNetBottleneckBlock : nn.Module<Tensor, Tensor>
{
    private readonly Convolution conv1;
    private readonly BatchNorm bn1;
    private readonly Convolution conv2;
    private readonly BatchNorm bn2;
    private readonly Convolution conv3;
    private readonly BatchNorm bn3;
    private readonly Sequential? downsample;
    private readonly ResNetShortcut shortcut;

    public ResNetBottleneckBlock(long inPlanes, long planes, long stride, long dilation, ResNetArchitecture architecture) : base(nameof(ResNetBottleneckBlock))
    {
        int d = architecture.SpatialDims;
        conv1 = SpatialLayers.Conv(d, inPlanes, planes, 1, bias: false);
        bn1 = SpatialLayers.BatchNorm(d, planes);
        conv2 = SpatialLayers.Conv(d, planes, planes, 3, stride: stride, padding: dilation, bias: false, dilation: dilation);
        bn2 = SpatialLayers.BatchNorm(d, planes);
        conv3 = SpatialLayers.Conv(d, planes, planes * 4, 1, bias: false);
        bn3 = SpatialLayers.BatchNorm(d, planes * 4);
        shortcut = new ResNetShortcut(inPlanes, planes * 4, stride, architecture);
        downsample = shortcut.Projection;
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = nn.functional.relu(BatchNormStep.Forward(bn1, conv1.forward(input)));
        x = nn.functional.relu(BatchNormStep.Forward(bn2, conv2.forward(x)));
        x = BatchNormStep.Forward(bn3, conv3.forward(x));
        return nn.functional.relu(x.add_(shortcut.Apply(input), ScalarValue.One)).MoveToOuterDisposeScope();
    }
}

/// <summary>
/// The residual path of a block: identity when shape is kept; otherwise type "B" (1-wide strided
/// conv + BN, MONAI default, MedicalNet ResNet-10/50) or type "A" (MedicalNet
/// <c>downsample_basic_block</c>: subsample by the stride and append zero channels).
/// </summary>
internal sealed class ResNetShortcut
{
    private readonly long stride;
    private readonly long outPlanes;
    private readonly bool zeroPad;

    public ResNetShortcut(long inPlanes, long outPlanes, long stride, ResNetArchitecture architecture)
    {
        this.stride = stride;
        this.outPlanes = outPlanes;
        int d = architecture.SpatialDims;
        bool changes = stride != 1 || inPlanes != outPlanes;
        zeroPad = changes && architecture.Shortcut == ResNetShortcutKind.ZeroPad;
        Projection = changes && architecture.Shortcut == ResNetShortcutKind.Projection
            ? nn.Sequential(SpatialLayers.Conv(d, inPlanes, outPlanes, 1, stride: stride, bias: architecture.DownsampleBias), SpatialLayers.BatchNorm(d, outPlanes))
            : null;
    }

    /// <summary>The "B" projection (registered by the block as <c>downsample</c>), or null.</summary>
    public Sequential? Projection { get; }

    public Tensor Apply(Tensor input)
    {
        if (Projection is not null)
        {
            return BatchNormStep.Sequence(Projection, input);
        }
        if (!zeroPad)
        {
            return input;
        }
        var subsampled = input;
        for (int axis = 2; axis < input.dim(); axis++)
        {
            subsampled = subsampled.slice(axis, 0, input.shape[axis], stride);
        }
        long[] paddingShape = (long[])subsampled.shape.Clone();
        paddingShape[1] = outPlanes - paddingShape[1];
        var padding = zeros(paddingShape, dtype: input.dtype, device: input.device);
        return cat([subsampled, padding], 1);
    }
}
