namespace OlnmMl.Radiomics.Settings;

/// <summary>
/// Re-segmentation of the intensity mask (IBSI 1 §2.5): voxels outside [<see cref="RangeMin"/>,
/// <see cref="RangeMax"/>] are removed, then (with <see cref="OutlierSigma"/>) voxels outside μ ± kσ of
/// the remaining ROI intensities. Applied to the original image only; filtered images keep the
/// morphological mask.
/// </summary>
/// <param name="RangeMin">Lower bound of the intensity range (inclusive), or null for none.</param>
/// <param name="RangeMax">Upper bound of the intensity range (inclusive), or null for none.</param>
/// <param name="OutlierSigma">k of the outlier filter μ ± kσ, or null for none.</param>
public sealed record ResegmentationSettings(double? RangeMin = null, double? RangeMax = null, double? OutlierSigma = null)
{
    /// <summary>No re-segmentation.</summary>
    public static ResegmentationSettings None { get; } = new();
}
