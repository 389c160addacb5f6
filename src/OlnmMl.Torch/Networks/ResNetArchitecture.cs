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
/// MedicalNet; the stem has the first width), in 3 spatial dimensions unless <see cref="SpatialDims"/> says 2,
/// with the stem stride, layer strides, dilations, shortcut and downsample bias of the code that published it:
/// <list type="table">
/// <listheader><term>rows</term><description>layout</description></listheader>
/// <item><term><c>resnet10/18/34/50</c></term><description>MONAI <c>ResNet(conv1_t_stride=2, bias_downsample=False)</c>
/// (as MONAI's <c>ResNetFeatures</c>): stem stride 2, layer strides 1, 2, 2, 2, shortcut "B" without bias</description></item>
/// <item><term><c>resnet10/18/34/50-monai</c></term><description>MONAI <c>ResNet</c> with its defaults
/// (<c>conv1_t_stride=1</c>, <c>bias_downsample=True</c>, shortcut "B"): stem stride 1, <c>downsample.0.bias</c></description></item>
/// <item><term><c>resnet10/18/34/50-medicalnet</c></term><description>MedicalNet <c>models/resnet.py</c>: stem stride 2,
/// layer strides 1, 2, 1, 1 with dilations 1, 1, 2, 4 (a 96³ input gives a 12³ grid at layer4, not 3³), shortcut
/// "B" without bias for 10 and 50, "A" for 18 and 34 (their README's settings for the released <c>resnet_N.pth</c>)</description></item>
/// </list>
/// The 2D rows (<c>-2d</c>) are torchvision's <c>resnet18</c>/<c>resnet50</c>, whose <c>state_dict</c> names and
/// shapes are the same as MONAI's 2D ResNet with shortcut "B" and no downsample bias, so ImageNet/RadImageNet
/// weights load unchanged.
/// </summary>
public sealed record ResNetArchitecture(string Name, ResNetBlockKind Block, int[] BlocksPerLayer, int[] Widths)
{
    private static readonly int[] StandardWidths = [64, 128, 256, 512];
    private static readonly int[] MedicalNetStrides = [1, 2, 1, 1];
    private static readonly int[] MedicalNetDilations = [1, 1, 2, 4];

    /// <summary>Spatial dimensions, 2 (<c>[N, C, H, W]</c>, torchvision) or 3 (<c>[N, C, D, H, W]</c>, MONAI/MedicalNet); 3 unless a row says otherwise.</summary>
    public int SpatialDims { get; init; } = 3;

    /// <summary>Shortcut kind; projection ("B") unless a row says otherwise.</summary>
    public ResNetShortcutKind Shortcut { get; init; } = ResNetShortcutKind.Projection;

    /// <summary>
    /// Bias in the projection shortcut's convolution: false as in MedicalNet and torchvision; MONAI's
    /// <c>ResNet(bias_downsample=True)</c> default adds <c>downsample.0.bias</c>.
    /// </summary>
    public bool DownsampleBias { get; init; }

    /// <summary>Stride of <c>conv1</c> (7-wide, padding 3): 2 (MedicalNet, torchvision, MONAI <c>ResNetFeatures</c>) unless a row says 1 (MONAI's <c>conv1_t_stride</c> default).</summary>
    public int StemStride { get; init; } = 2;

    /// <summary>Stride of the first block of layer1..layer4: 1, 2, 2, 2 unless a row says otherwise (MedicalNet: 1, 2, 1, 1).</summary>
    public int[] LayerStrides { get; init; } = [1, 2, 2, 2];

    /// <summary>Dilation of every 3-wide convolution in layer1..layer4 (padding = dilation, so the grid is kept): 1, 1, 1, 1 unless a row says otherwise (MedicalNet: 1, 1, 2, 4).</summary>
    public int[] LayerDilations { get; init; } = [1, 1, 1, 1];

    /// <summary>ResNet-10: basic blocks [1, 1, 1, 1].</summary>
    public static ResNetArchitecture ResNet10 { get; } = new("resnet10", ResNetBlockKind.Basic, [1, 1, 1, 1], StandardWidths);

    /// <summary>ResNet-18: basic blocks [2, 2, 2, 2].</summary>
    public static ResNetArchitecture ResNet18 { get; } = new("resnet18", ResNetBlockKind.Basic, [2, 2, 2, 2], StandardWidths);

    /// <summary>ResNet-34: basic blocks [3, 4, 6, 3].</summary>
    public static ResNetArchitecture ResNet34 { get; } = new("resnet34", ResNetBlockKind.Basic, [3, 4, 6, 3], StandardWidths);

    /// <summary>ResNet-50: bottleneck blocks [3, 4, 6, 3].</summary>
    public static ResNetArchitecture ResNet50 { get; } = new("resnet50", ResNetBlockKind.Bottleneck, [3, 4, 6, 3], StandardWidths);

    /// <summary>ResNet-10 as MONAI's <c>resnet10()</c> builds it by default: stem stride 1, <c>downsample.0.bias</c>.</summary>
    public static ResNetArchitecture ResNet10Monai { get; } = MonaiDefaults(ResNet10);

    /// <summary>ResNet-18 as MONAI's <c>resnet18()</c> builds it by default: stem stride 1, <c>downsample.0.bias</c>.</summary>
    public static ResNetArchitecture ResNet18Monai { get; } = MonaiDefaults(ResNet18);

    /// <summary>ResNet-34 as MONAI's <c>resnet34()</c> builds it by default: stem stride 1, <c>downsample.0.bias</c>.</summary>
    public static ResNetArchitecture ResNet34Monai { get; } = MonaiDefaults(ResNet34);

    /// <summary>ResNet-50 as MONAI's <c>resnet50()</c> builds it by default: stem stride 1, <c>downsample.0.bias</c>.</summary>
    public static ResNetArchitecture ResNet50Monai { get; } = MonaiDefaults(ResNet50);

    /// <summary>MedicalNet ResNet-10 (<c>resnet_10.pth</c>, <c>resnet_10_23dataset.pth</c>): dilated layer3/4, shortcut "B" without bias.</summary>
    public static ResNetArchitecture ResNet10MedicalNet { get; } = MedicalNet(ResNet10, ResNetShortcutKind.Projection);

    /// <summary>MedicalNet ResNet-18 (<c>resnet_18.pth</c>, <c>resnet_18_23dataset.pth</c>): dilated layer3/4, shortcut "A", so no <c>downsample</c> parameters.</summary>
    public static ResNetArchitecture ResNet18MedicalNet { get; } = MedicalNet(ResNet18, ResNetShortcutKind.ZeroPad);

    /// <summary>MedicalNet ResNet-34 (<c>resnet_34.pth</c>, <c>resnet_34_23dataset.pth</c>): dilated layer3/4, shortcut "A".</summary>
    public static ResNetArchitecture ResNet34MedicalNet { get; } = MedicalNet(ResNet34, ResNetShortcutKind.ZeroPad);

    /// <summary>MedicalNet ResNet-50 (<c>resnet_50.pth</c>, <c>resnet_50_23dataset.pth</c>): dilated layer3/4, shortcut "B" without bias.</summary>
    public static ResNetArchitecture ResNet50MedicalNet { get; } = MedicalNet(ResNet50, ResNetShortcutKind.Projection);

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

    /// <summary>Every row, 3D then 2D; <see cref="Name"/> is its catalog name.</summary>
    public static IReadOnlyList<ResNetArchitecture> Rows =>
    [
        ResNet10, ResNet10Tiny, ResNet18, ResNet34, ResNet50,
        ResNet10Monai, ResNet18Monai, ResNet34Monai, ResNet50Monai,
        ResNet10MedicalNet, ResNet18MedicalNet, ResNet34MedicalNet, ResNet50MedicalNet,
        ResNet10TinyIn2d, ResNet18In2d, ResNet50In2d,
    ];

    /// <summary>Channel multiplier of the block's output: 1 (basic) or 4 (bottleneck).</summary>
    public int Expansion => Block == ResNetBlockKind.Basic ? 1 : 4;

    private static ResNetArchitecture MonaiDefaults(ResNetArchitecture row) =>
        row with { Name = row.Name + "-monai", StemStride = 1, DownsampleBias = true };

    private static ResNetArchitecture MedicalNet(ResNetArchitecture row, ResNetShortcutKind shortcut) =>
        row with { Name = row.Name + "-medicalnet", Shortcut = shortcut, LayerStrides = MedicalNetStrides, LayerDilations = MedicalNetDilations };
}
