namespace OlnmMl.Torch.Networks;

/// <summary>
/// The parameter naming of a DenseNet: the same modules, under the names of the reference implementation whose
/// weights the network exchanges.
/// </summary>
public enum DenseNetNaming
{
    /// <summary>
    /// MONAI <c>monai/networks/nets/densenet.py</c>: each dense layer's modules under <c>layers.</c>
    /// (<c>features.denseblock1.denselayer1.layers.norm1.weight</c>), the head <c>class_layers.out</c>.
    /// </summary>
    Monai,

    /// <summary>
    /// torchvision <c>torchvision/models/densenet.py</c>: a dense layer's modules directly under it
    /// (<c>features.denseblock1.denselayer1.norm1.weight</c>), the head <c>classifier</c>.
    /// </summary>
    TorchVision,
}

/// <summary>
/// One row of the DenseNet table (MONAI <c>monai/networks/nets/densenet.py</c>, torchvision
/// <c>torchvision/models/densenet.py</c>): stem width, growth rate k, bottleneck factor (1-wide conv to
/// bnSize·k channels) and layers per block. Transitions halve the channels between blocks. 3D with MONAI's
/// names unless <see cref="SpatialDims"/> and <see cref="Naming"/> say otherwise.
/// </summary>
public sealed record DenseNetArchitecture(string Name, int InitFeatures, int GrowthRate, int BottleneckSize, int[] LayersPerBlock)
{
    /// <summary>Spatial dimensions, 2 (<c>[N, C, H, W]</c>) or 3 (<c>[N, C, D, H, W]</c>).</summary>
    public int SpatialDims { get; init; } = 3;

    /// <summary>Parameter names: MONAI's (the 3D weights exchange contract) or torchvision's.</summary>
    public DenseNetNaming Naming { get; init; } = DenseNetNaming.Monai;

    /// <summary>DenseNet-121: 64 stem features, k = 32, bn_size 4, blocks (6, 12, 24, 16).</summary>
    public static DenseNetArchitecture DenseNet121 { get; } = new("densenet121", 64, 32, 4, [6, 12, 24, 16]);

    /// <summary>
    /// torchvision <c>densenet121</c>: DenseNet-121 in 2D with torchvision's names (6,953,856 parameters
    /// headless; 7,978,856 with the 1000-class <c>classifier</c>).
    /// </summary>
    public static DenseNetArchitecture DenseNet121In2d { get; } = DenseNet121 with { Name = "densenet121-2d", SpatialDims = 2, Naming = DenseNetNaming.TorchVision };
}
