namespace OlnmMl.Torch.Networks;

/// <summary>Residual block kinds of the 3D ResNet family (MONAI <c>ResNetBlock</c> / <c>ResNetBottleneck</c>).</summary>
public enum ResNetBlockKind
{
    /// <summary>Two 3×3×3 convolutions; expansion 1.</summary>
    Basic,

    /// <summary>1×1×1 → 3×3×3 → 1×1×1 convolutions; expansion 4.</summary>
    Bottleneck,
}

/// <summary>Residual shortcut when the shape changes (MedicalNet <c>shortcut_type</c>).</summary>
public enum ResNetShortcutKind
{
    /// <summary>"A": stride-s subsampling and zero channels appended; no parameters.</summary>
    ZeroPad,

    /// <summary>"B": 1×1×1 strided convolution + batch norm (<c>downsample.0</c>, <c>downsample.1</c>).</summary>
    Projection,
}

/// <summary>
/// One row of the ResNet table: block kind, the number of blocks in layer1..layer4 and their
/// widths before expansion (64, 128, 256, 512 in MONAI <c>monai/networks/nets/resnet.py</c> and
/// MedicalNet; the stem has the first width).
/// </summary>
public sealed record ResNetArchitecture(string Name, ResNetBlockKind Block, int[] BlocksPerLayer, int[] Widths)
{
    private static readonly int[] StandardWidths = [64, 128, 256, 512];

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

    /// <summary>Channel multiplier of the block's output: 1 (basic) or 4 (bottleneck).</summary>
    public int Expansion => Block == ResNetBlockKind.Basic ? 1 : 4;
}
