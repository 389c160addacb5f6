using OlnmMl.Imaging.Geometry;

namespace OlnmMl.Imaging;

/// <summary>
/// A 3D scalar image: float voxels on an <see cref="ImageGeometry"/>, x fastest
/// (index x + Nx·(y + Ny·z)). Masks are volumes whose voxels are 0 (outside) or 1 (inside).
/// </summary>
public sealed class Volume
{
    /// <summary>Creates a volume; <paramref name="voxels"/> must hold exactly Nx·Ny·Nz values and is not copied.</summary>
    public Volume(ImageGeometry geometry, float[] voxels)
    {
        if (voxels.LongLength != geometry.Size.Count)
        {
            throw new ArgumentException(
                $"A {geometry.Size} volume needs {geometry.Size.Count} voxels, got {voxels.LongLength}.", nameof(voxels));
        }

        Geometry = geometry;
        Voxels = voxels;
    }

    /// <summary>A zero-filled volume on <paramref name="geometry"/>.</summary>
    public static Volume Zeros(ImageGeometry geometry) => new(geometry, new float[geometry.Size.Count]);

    /// <summary>The voxel grid.</summary>
    public ImageGeometry Geometry { get; }

    /// <summary>Voxel values, x fastest.</summary>
    public float[] Voxels { get; }

    /// <summary>Grid size.</summary>
    public GridSize Size => Geometry.Size;

    /// <summary>Voxel at (x, y, z).</summary>
    public float this[int x, int y, int z]
    {
        get => Voxels[Size.Index(x, y, z)];
        set => Voxels[Size.Index(x, y, z)] = value;
    }

    /// <summary>A deep copy.</summary>
    public Volume Clone() => new(Geometry, (float[])Voxels.Clone());

    /// <summary>A volume on the same grid with the given voxels.</summary>
    public Volume WithVoxels(float[] voxels) => new(Geometry, voxels);

    /// <summary>Number of voxels with value &gt; 0.5 (the mask's voxel count).</summary>
    public int CountInside()
    {
        var n = 0;
        foreach (var v in Voxels)
        {
            if (v > 0.5f)
            {
                n++;
            }
        }

        return n;
    }
}
