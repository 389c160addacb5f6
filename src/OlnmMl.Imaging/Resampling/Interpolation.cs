namespace OlnmMl.Imaging.Resampling;

/// <summary>How voxel values between grid points are estimated.</summary>
public enum Interpolation
{
    /// <summary>Value of the nearest voxel (masks, label maps).</summary>
    Nearest,

    /// <summary>Trilinear interpolation (images); reproduces linear functions exactly.</summary>
    Linear,
}
