namespace OlnmMl.Radiomics.Texture;

/// <summary>A texture matrix whose feature inputs are derived from raw integer counts.</summary>
internal interface ITextureMatrix
{
    /// <summary>
    /// Loads <paramref name="counts"/> (row-major, grey level first) built from
    /// <paramref name="voxelCount"/> voxels (summed over merged matrices); false when it holds no count.
    /// </summary>
    bool Load(ReadOnlySpan<int> counts, long voxelCount);
}
