namespace OlnmMl.Torch.Networks;

/// <summary>Residual block kinds of the ResNet family (MONAI <c>ResNetBlock</c> / <c>ResNetBottleneck</c>, torchvision <c>BasicBlock</c> / <c>Bottleneck</c>).</summary>
public enum ResNetBlockKind
{
    /// <summary>Two 3-wide convolutions; expansion 1.</summary>
    Basic,

    /// <summary>1-wide → 3-wide → 1-wide convolutions; expansion 4.</summary>
    Bottleneck,
}

/// <summary>Residual shortcut when the shape changes (MedicalNet <c>shortcut_type</c>).</summary>
public enum ResNetShortcutKind
{
    /// <summary>"A": stride-s subsampling and zero channels appended; no parameters.</summary>
    ZeroPad,

    /// <summary>"B": 1-wide strided convolution + batch norm (<c>downsample.0</c>, <c>downsample.1</c>).</summary>
    Projection,
}

/// <summary>
/// One row of the ResNet table: block kind, the number of blocks in layer1..layer4 and their
/// widths before expansion (64, 128, 256, 512 in MONAI <c>monai/networks/nets/resnet.py</c> and
/// MedicalNet; the stem has the first width), in 3 spatial dimensions unless <see cref="SpatialDims"/> says 2.
/// The 2D rows (<c>-2d</c>) are torchvision's <c>resnet18</c>/<c>resnet50</c>, whose <c>state_dict</c> names and
/// shapes are the same as MONAI's 2D ResNet with shortcut "B" and no downsample bias, so ImageNet/RadImageNet
/// weights load unchanged.
/// </summary>
public sealed record ResNetArchitecture(string Name, ResNetBlockKind Block, int[] BlocksPerLayer, int[] Widths)
{
    private static readonly int[] StandardWidths = [64, 128, 256, 512];

    /// <summary>Spatial dimensions, 2 (<c>[N, C, H, W]</c>, torchvision) or 3 (<c>[N, C, D, H, W]</c>, MONAI/MedicalNet); 3 unless a row says otherwise.</summary>
    public int SpatialDims { get; init; } = 3;

    /// <summary>Shortcut kind; projection ("B") unless a row says otherwise.</summary>
    public ResNetShortcutKind Shortcut { get; init; } = ResNetShortcutKind.Projection;

    /// <summary>
    /// Bias in the projection shortcut's convolution: false as in MedicalNet; MONAI's
    /// <c>ResNet(bias_downsample=True)</c> default adds <c>downsample.0.bias</c>.
    /// </summary>
    public bool DownsampleBias { get; init; }

    /// <summary>ResNet-10: basic blocks [1, 1, 1, 1].</summary>
    public static ResNetArchitecture ResNet10 { get; } = new("resnet10", ResNetBlockKind.Basic, [1, 1, 1, 1], StandardWidths);

    /// <summary>ResNet-18: basic blocks [2, 2, 2, 2].</summary>
    public static ResNetArchitecture ResNet18 { get; } = new("resnet18", ResNetBlockKind.Basic, [2, 2, 2, 2], StandardWidths);

    /// <summary>ResNet-34: basic blocks [3, 4, 6, 3].</summary>
    public static ResNetArchitecture ResNet34 { get; } = new("resnet34", ResNetBlockKind.Basic, [3, 4, 6, 3], StandardWidths);

    /// <summary>ResNet-50: bottleneck blocks [3, 4, 6, 3].</summary>
    public static ResNetArchitecture ResNet50 { get; } = new("resnet50", ResNetBlockKind.Bottleneck, [3, 4, 6, 3], StandardWidths);

    /// <summary>
    /// ResNet-18 as released pre-trained by MedicalNet (3DSeg-8): shortcut "A", so no
    /// <c>downsample</c> parameters (MONAI <c>get_medicalnet_pretrained_resnet_args(18)</c>).
    /// </summary>
    public static ResNetArchitecture ResNet18MedicalNet { get; } = new("resnet18-medicalnet", ResNetBlockKind.Basic, [2, 2, 2, 2], StandardWidths) { Shortcut = ResNetShortcutKind.ZeroPad };

    /// <summary>ResNet-34 as released pre-trained by MedicalNet: shortcut "A".</summary>
    public static ResNetArchitecture ResNet34MedicalNet { get; } = new("resnet34-medicalnet", ResNetBlockKind.Basic, [3, 4, 6, 3], StandardWidths) { Shortcut = ResNetShortcutKind.ZeroPad };

    /// <summary>
    /// ResNet-10 at one eighth of the width (8, 16, 32, 64): not a published network, for CPU
    /// smoke runs and tests where the full widths would take minutes.
    /// </summary>
    public static ResNetArchitecture ResNet10Tiny { get; } = new("resnet10-tiny", ResNetBlockKind.Basic, [1, 1, 1, 1], [8, 16, 32, 64]);

    /// <summary>torchvision <c>resnet18</c> in 2D: basic blocks [2, 2, 2, 2] (11,176,512 parameters headless; 11,689,512 with the 1000-class <c>fc</c>).</summary>
    public static ResNetArchitecture ResNet18In2d { get; } = ResNet18 with { Name = "resnet18-2d", SpatialDims = 2 };

    /// <summary>torchvision <c>resnet50</c> in 2D: bottleneck blocks [3, 4, 6, 3] (23,508,032 parameters headless; 25,557,032 with the 1000-class <c>fc</c>).</summary>
    public static ResNetArchitecture ResNet50In2d { get; } = ResNet50 with { Name = "resnet50-2d", SpatialDims = 2 };

    /// <summary><see cref="ResNet10Tiny"/> in 2D (widths 8, 16, 32, 64): CPU tests of the 2D encoders and of networks built on them.</summary>
    public static ResNetArchitecture ResNet10TinyIn2d { get; } = ResNet10Tiny with { Name = "resnet10-tiny-2d", SpatialDims = 2 };

    /// <summary>Channel multiplier of the block's output: 1 (basic) or 4 (bottleneck).</summary>
    public int Expansion => Block == ResNetBlockKind.Basic ? 1 : 4;
}
