namespace OlnmMl.Imaging.Preprocessing;

/// <summary>
/// The plane of a slice instance, named with its voxel axes (0 = x, 1 = y, 2 = z): pixel columns follow
/// <see cref="SlicePlanes.Axes"/>.U, rows follow .V, and the slice index and neighbours run along .Normal.
/// </summary>
public enum SlicePlane : byte
{
    /// <summary>Axial: columns x, rows y, normal z.</summary>
    Axial,

    /// <summary>Coronal: columns x, rows z, normal y.</summary>
    Coronal,

    /// <summary>Sagittal: columns y, rows z, normal x.</summary>
    Sagittal,
}

/// <summary>The voxel axes of each <see cref="SlicePlane"/>.</summary>
public static class SlicePlanes
{
    /// <summary>Column axis U, row axis V and normal axis of <paramref name="plane"/> (0 = x, 1 = y, 2 = z).</summary>
    public static (int U, int V, int Normal) Axes(SlicePlane plane) => plane switch
    {
        SlicePlane.Axial => (0, 1, 2),
        SlicePlane.Coronal => (0, 2, 1),
        SlicePlane.Sagittal => (1, 2, 0),
        _ => throw new ArgumentOutOfRangeException(nameof(plane), plane, "Unknown slice plane."),
    };
}
