namespace OlnmMl.Radiomics.Extraction;

/// <summary>How an extractor treats its inputs, beyond the recipe.</summary>
/// <param name="MaskLabel">
/// The mask value that is the ROI (PyRadiomics' <c>label</c>), or null to take the mask's only non-zero value
/// (a mask with several labels is then refused). Part of the cache and table keys.
/// </param>
/// <param name="MaxRoiVoxels">
/// Largest resampled ROI grid (voxels, margin included) a case may allocate; a finer recipe spacing is refused
/// before allocating. Does not change feature values.
/// </param>
public sealed record ExtractionOptions(int? MaskLabel = null, long MaxRoiVoxels = ExtractionOptions.DefaultMaxRoiVoxels)
{
    /// <summary>The default voxel limit: 64 M voxels, about 1 GB of working memory per case.</summary>
    public const long DefaultMaxRoiVoxels = 64_000_000;

    /// <summary>The defaults.</summary>
    public static ExtractionOptions Default { get; } = new();
}
