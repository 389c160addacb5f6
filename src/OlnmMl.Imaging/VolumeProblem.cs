namespace OlnmMl.Imaging;

/// <summary>What is wrong with a volume file (<see cref="VolumeFormatException.Kind"/>).</summary>
public enum VolumeProblem
{
    /// <summary>Missing, truncated, malformed, of an unsupported format, or larger than its header says.</summary>
    Unreadable,

    /// <summary>The image is not a 3D volume (a single slice, or more than three dimensions).</summary>
    NotThreeDimensional,

    /// <summary>The image holds NaN or infinite voxels.</summary>
    NonFiniteVoxels,

    /// <summary>The mask's values are not usable labels: non-integer, several labels and none chosen, or the chosen label absent.</summary>
    MaskLabels,

    /// <summary>The mask has no voxel inside.</summary>
    EmptyMask,

    /// <summary>No mask voxel lies on the image.</summary>
    MaskOutsideImage,

    /// <summary>Processing the volume would exceed a resource limit (e.g. the resampled grid's voxel count).</summary>
    TooLarge,
}
