using OlnmMl.Imaging.Geometry;

namespace OlnmMl.Radiomics.Settings;

/// <summary>
/// IBSI interpolation (IBSI 1 §2.4): the image is resampled to <see cref="Spacing"/> on a grid whose
/// centre coincides with the original grid's centre, with <see cref="Image"/> interpolation and optional
/// rounding to integers (CT); the mask is resampled trilinearly and kept where the fraction ≥
/// <see cref="MaskThreshold"/>.
/// </summary>
/// <param name="Spacing">Target voxel spacing in mm; with <see cref="InPlaneOnly"/> the z spacing is left unchanged.</param>
/// <param name="InPlaneOnly">Resample x and y only (IBSI 2D configurations).</param>
/// <param name="Image">Image interpolation kernel.</param>
/// <param name="RoundIntensities">Round interpolated intensities to the nearest integer.</param>
/// <param name="MaskThreshold">Partial-volume threshold of the interpolated mask.</param>
public sealed record InterpolationSettings(
    Vec3 Spacing,
    bool InPlaneOnly = false,
    ImageInterpolation Image = ImageInterpolation.Linear,
    bool RoundIntensities = false,
    double MaskThreshold = 0.5)
{
    /// <summary>The spacing to resample an image of spacing <paramref name="original"/> to.</summary>
    public Vec3 TargetSpacing(Vec3 original) => InPlaneOnly ? Spacing with { Z = original.Z } : Spacing;
}
