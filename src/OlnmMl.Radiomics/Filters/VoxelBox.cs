using OlnmMl.Imaging.Geometry;

namespace OlnmMl.Radiomics.Filters;

/// <summary>An inclusive box of voxel indices [X0, X1] × [Y0, Y1] × [Z0, Z1].</summary>
/// <param name="X0">First x.</param>
/// <param name="Y0">First y.</param>
/// <param name="Z0">First z.</param>
/// <param name="X1">Last x.</param>
/// <param name="Y1">Last y.</param>
/// <param name="Z1">Last z.</param>
public readonly record struct VoxelBox(int X0, int Y0, int Z0, int X1, int Y1, int Z1)
{
    /// <summary>The whole grid.</summary>
    public static VoxelBox All(GridSize size) => new(0, 0, 0, size.X - 1, size.Y - 1, size.Z - 1);

    /// <summary>The bounding box of the true voxels of <paramref name="mask"/> (the whole grid when none is true).</summary>
    public static VoxelBox Of(ReadOnlySpan<bool> mask, GridSize size)
    {
        int x0 = size.X, y0 = size.Y, z0 = size.Z, x1 = -1, y1 = -1, z1 = -1;
        for (var i = 0; i < mask.Length; i++)
        {
            if (mask[i])
            {
                int x = i % size.X, y = i / size.X % size.Y, z = i / (size.X * size.Y);
                (x0, x1, y0, y1, z0, z1) = (Math.Min(x0, x), Math.Max(x1, x), Math.Min(y0, y), Math.Max(y1, y), Math.Min(z0, z), Math.Max(z1, z));
            }
        }

        return x1 < 0 ? All(size) : new VoxelBox(x0, y0, z0, x1, y1, z1);
    }

    /// <summary>First index along <paramref name="axis"/>.</summary>
    public int Start(int axis) => axis switch { 0 => X0, 1 => Y0, _ => Z0 };

    /// <summary>Last index along <paramref name="axis"/>.</summary>
    public int End(int axis) => axis switch { 0 => X1, 1 => Y1, _ => Z1 };

    /// <summary>The box grown by (dx, dy, dz) voxels on both sides, clipped to <paramref name="size"/>.</summary>
    public VoxelBox Grow(int dx, int dy, int dz, GridSize size) => new(
        Math.Max(0, X0 - dx), Math.Max(0, Y0 - dy), Math.Max(0, Z0 - dz),
        Math.Min(size.X - 1, X1 + dx), Math.Min(size.Y - 1, Y1 + dy), Math.Min(size.Z - 1, Z1 + dz));

    /// <summary>True when voxel (x, y, z) lies in the box.</summary>
    public bool Contains(int x, int y, int z) => x >= X0 && x <= X1 && y >= Y0 && y <= Y1 && z >= Z0 && z <= Z1;
}
