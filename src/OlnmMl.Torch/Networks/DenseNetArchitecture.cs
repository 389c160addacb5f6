namespace OlnmMl.Torch.Networks;

/// <summary>
/// One row of the DenseNet table (MONAI <c>monai/networks/nets/densenet.py</c>): stem width,
/// growth rate k, bottleneck factor (1×1×1 conv to bnSize·k channels) and layers per block.
/// Transitions halve the channels between blocks.
/// </summary>
public sealed record DenseNetArchitecture(string Name, int InitFeatures, int GrowthRate, int BottleneckSize, int[] LayersPerBlock)
{
    /// <summary>DenseNet-121: 64 stem features, k = 32, bn_size 4, blocks (6, 12, 24, 16).</summary>
    public static DenseNetArchitecture DenseNet121 { get; } = new("densenet121", 64, 32, 4, [6, 12, 24, 16]);
}
