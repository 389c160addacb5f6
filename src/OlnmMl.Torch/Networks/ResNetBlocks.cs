using OlnmMl.Torch.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Networks;

/// <summary>
/// MONAI <c>ResNetBlock</c>: <c>relu(bn2(conv2(relu(bn1(conv1(x))))) + shortcut(x))</c>,
/// 3×3×3 convolutions without bias; <c>downsample</c> (1×1×1 conv + BN, names "0", "1") when
/// the stride or width changes.
/// </summary>
internal sealed class ResNetBasicBlock : nn.Module<Tensor, Tensor>
{
    private readonly Conv3d conv1;
    private readonly BatchNorm3d bn1;
    private readonly Conv3d conv2;
    private readonly BatchNorm3d bn2;
    private readonly Sequential? downsample;
    private readonly ResNetShortcut shortcut;

    public ResNetBasicBlock(long inPlanes, long planes, long stride, ResNetArchitecture architecture) : base(nameof(ResNetBasicBlock))
    {
        conv1 = nn.Conv3d(inPlanes, planes, 3, stride: stride, padding: 1, bias: false);
        bn1 = nn.BatchNorm3d(planes);
        conv2 = nn.Conv3d(planes, planes, 3, padding: 1, bias: false);
        bn2 = nn.BatchNorm3d(planes);
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
/// MONAI <c>ResNetBottleneck</c>: 1×1×1 (planes) → 3×3×3 stride s (planes) → 1×1×1 (4·planes),
/// each followed by BN, ReLU after the first two and after the residual sum.
/// </summary>
internal sealed class ResNetBottleneckBlock : nn.Module<Tensor, Tensor>
{
    private readonly Conv3d conv1;
    private readonly BatchNorm3d bn1;
    private readonly Conv3d conv2;
    private readonly BatchNorm3d bn2;
    private readonly Conv3d conv3;
    private readonly BatchNorm3d bn3;
    private readonly Sequential? downsample;
    private readonly ResNetShortcut shortcut;

    public ResNetBottleneckBlock(long inPlanes, long planes, long stride, ResNetArchitecture architecture) : base(nameof(ResNetBottleneckBlock))
    {
        conv1 = nn.Conv3d(inPlanes, planes, 1, bias: false);
        bn1 = nn.BatchNorm3d(planes);
        conv2 = nn.Conv3d(planes, planes, 3, stride: stride, padding: 1, bias: false);
        bn2 = nn.BatchNorm3d(planes);
        conv3 = nn.Conv3d(planes, planes * 4, 1, bias: false);
        bn3 = nn.BatchNorm3d(planes * 4);
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
/// The residual path of a block: identity when shape is kept; otherwise type "B" (1×1×1 strided
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
        bool changes = stride != 1 || inPlanes != outPlanes;
        zeroPad = changes && architecture.Shortcut == ResNetShortcutKind.ZeroPad;
        Projection = changes && architecture.Shortcut == ResNetShortcutKind.Projection
            ? nn.Sequential(nn.Conv3d(inPlanes, outPlanes, 1, stride: stride, bias: architecture.DownsampleBias), nn.BatchNorm3d(outPlanes))
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
        var subsampled = input.slice(2, 0, input.shape[2], stride).slice(3, 0, input.shape[3], stride).slice(4, 0, input.shape[4], stride);
        var padding = zeros([subsampled.shape[0], outPlanes - subsampled.shape[1], subsampled.shape[2], subsampled.shape[3], subsampled.shape[4]],
            dtype: input.dtype, device: input.device);
        return cat([subsampled, padding], 1);
    }
}
