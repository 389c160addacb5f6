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

    public ResNetBasicBlock(long inPlanes, long planes, long stride) : base(nameof(ResNetBasicBlock))
    {
        conv1 = nn.Conv3d(inPlanes, planes, 3, stride: stride, padding: 1, bias: false);
        bn1 = nn.BatchNorm3d(planes);
        conv2 = nn.Conv3d(planes, planes, 3, padding: 1, bias: false);
        bn2 = nn.BatchNorm3d(planes);
        downsample = ResNetShortcut.Create(inPlanes, planes, stride);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = nn.functional.relu(bn1.forward(conv1.forward(input)));
        x = bn2.forward(conv2.forward(x));
        var shortcut = downsample is null ? input : downsample.forward(input);
        return nn.functional.relu(x.add_(shortcut)).MoveToOuterDisposeScope();
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

    public ResNetBottleneckBlock(long inPlanes, long planes, long stride) : base(nameof(ResNetBottleneckBlock))
    {
        conv1 = nn.Conv3d(inPlanes, planes, 1, bias: false);
        bn1 = nn.BatchNorm3d(planes);
        conv2 = nn.Conv3d(planes, planes, 3, stride: stride, padding: 1, bias: false);
        bn2 = nn.BatchNorm3d(planes);
        conv3 = nn.Conv3d(planes, planes * 4, 1, bias: false);
        bn3 = nn.BatchNorm3d(planes * 4);
        downsample = ResNetShortcut.Create(inPlanes, planes * 4, stride);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = nn.functional.relu(bn1.forward(conv1.forward(input)));
        x = nn.functional.relu(bn2.forward(conv2.forward(x)));
        x = bn3.forward(conv3.forward(x));
        var shortcut = downsample is null ? input : downsample.forward(input);
        return nn.functional.relu(x.add_(shortcut)).MoveToOuterDisposeScope();
    }
}

/// <summary>Shortcut type "B" (MONAI default, MedicalNet): 1×1×1 strided conv + BN when shapes change.</summary>
internal static class ResNetShortcut
{
    public static Sequential? Create(long inPlanes, long outPlanes, long stride) =>
        stride == 1 && inPlanes == outPlanes
            ? null
            : nn.Sequential(nn.Conv3d(inPlanes, outPlanes, 1, stride: stride, bias: false), nn.BatchNorm3d(outPlanes));
}
