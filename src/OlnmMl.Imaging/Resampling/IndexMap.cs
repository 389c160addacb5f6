using OlnmMl.Imaging.Geometry;

namespace OlnmMl.Imaging.Resampling;

/// <summary>
/// The affine map from voxel indices of one grid to continuous voxel indices of another:
/// i_to = S_to⁻¹ D_toᵀ (o_from − o_to + D_from S_from i_from), precomputed as a 3×4 matrix.
/// </summary>
internal readonly struct IndexMap
{
    private readonly double[] _m; // 3×4 row-major

    private IndexMap(double[] m) => _m = m;

    /// <summary>Map from indices of <paramref name="from"/> to continuous indices of <paramref name="to"/>.</summary>
    public static IndexMap Between(ImageGeometry from, ImageGeometry to)
    {
        var m = new double[12];
        var translation = to.PhysicalToIndex(from.Origin);
        for (var column = 0; column < 3; column++)
        {
            var step = from.Spacing[column] * from.Direction.Axis(column);
            var local = to.Direction.MultiplyTransposed(step);
            m[column] = local.X / to.Spacing.X;
            m[4 + column] = local.Y / to.Spacing.Y;
            m[8 + column] = local.Z / to.Spacing.Z;
        }

        m[3] = translation.X;
        m[7] = translation.Y;
        m[11] = translation.Z;
        return new IndexMap(m);
    }

    /// <summary>Continuous target index of source voxel (x, y, z).</summary>
    public (double I, double J, double K) Apply(int x, int y, int z)
    {
        var m = _m;
        return (
            m[0] * x + m[1] * y + m[2] * z + m[3],
            m[4] * x + m[5] * y + m[6] * z + m[7],
            m[8] * x + m[9] * y + m[10] * z + m[11]);
    }
}
