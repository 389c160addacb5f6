namespace OlnmMl.Imaging.Geometry;

/// <summary>Voxel counts along x, y and z. Voxel (x, y, z) is stored at linear index x + Nx·(y + Ny·z).</summary>
public readonly record struct GridSize(int X, int Y, int Z)
{
    /// <summary>Total number of voxels Nx·Ny·Nz.</summary>
    public long Count => (long)X * Y * Z;

    /// <summary>Count along an axis (0 = x, 1 = y, 2 = z).</summary>
    public int this[int axis] => axis switch
    {
        0 => X,
        1 => Y,
        2 => Z,
        _ => throw new ArgumentOutOfRangeException(nameof(axis), axis, "Axis must be 0, 1 or 2."),
    };

    /// <summary>Linear index of voxel (x, y, z): x + Nx·(y + Ny·z).</summary>
    public int Index(int x, int y, int z) => x + X * (y + Y * z);

    /// <summary>A cube of edge <paramref name="edge"/>.</summary>
    public static GridSize Cube(int edge) => new(edge, edge, edge);

    /// <inheritdoc />
    public override string ToString() => $"{X}×{Y}×{Z}";
}
