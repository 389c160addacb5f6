namespace OlnmMl.Torch.Networks;

/// <summary>
/// One row of the 3D Swin table (MONAI <c>SwinTransformer</c> as used by Swin-UNETR's
/// <c>swinViT</c>): embedding width C (stage i has width C·2^i), blocks and heads per stage,
/// cubic window edge, patch edge and MLP ratio. Every stage ends with patch merging, so the
/// pooled features have width 16·C.
/// </summary>
public sealed record SwinArchitecture(string Name, int EmbedDim, int[] Depths, int[] Heads, int Window, int Patch, int MlpRatio)
{
    /// <summary>Swin-UNETR encoder: C = 48, depths (2, 2, 2, 2), heads (3, 6, 12, 24), window 7, patch 2, MLP ratio 4.</summary>
    public static SwinArchitecture SwinUnetr { get; } = new("swin", 48, [2, 2, 2, 2], [3, 6, 12, 24], 7, 2, 4);

    /// <summary>Width of the pooled features: C·2^stages.</summary>
    public int FeatureWidth => EmbedDim << Depths.Length;
}
