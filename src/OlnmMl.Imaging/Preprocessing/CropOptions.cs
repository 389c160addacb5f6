using OlnmMl.Imaging.Geometry;

namespace OlnmMl.Imaging.Preprocessing;

/// <summary>
/// How a case becomes a network input: resample to <see cref="Spacing"/> mm (trilinear image,
/// nearest mask), scale intensities with <see cref="Window"/> (PET channels are scaled by
/// <see cref="PetWindow"/>), and crop an <see cref="Edge"/>³ cube centred on the mask. Defaults are the
/// published pipeline's: 1 mm, [−1600, 400] HU → [0, 1], 96³.
/// </summary>
public sealed record CropOptions
{
    /// <summary>Isotropic target spacing in mm.</summary>
    public double Spacing { get; init; } = 1.0;

    /// <summary>Cube edge in voxels.</summary>
    public int Edge { get; init; } = 96;

    /// <summary>CT intensity scaling.</summary>
    public IntensityWindow Window { get; init; } = IntensityWindow.ReferenceLung;

    /// <summary>PET scaling (SUV); the default maps [0, 20] to [0, 1].</summary>
    public IntensityWindow PetWindow { get; init; } = new(0f, 20f);

    /// <summary>
    /// When true, a mask larger than the cube is an error; when false the cube is centred on the
    /// mask and the tumour is clipped.
    /// </summary>
    public bool RequireMaskInsideCrop { get; init; } = true;

    /// <summary>The isotropic spacing as a vector.</summary>
    public Vec3 SpacingVector => new(Spacing, Spacing, Spacing);

    /// <summary>A short stable text of every setting, used in cache keys.</summary>
    public string Fingerprint() =>
        FormattableString.Invariant($"crop-v1;s={Spacing};e={Edge};w={Window.Lower},{Window.Upper};p={PetWindow.Lower},{PetWindow.Upper};strict={RequireMaskInsideCrop}");
}
