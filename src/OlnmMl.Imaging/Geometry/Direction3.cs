namespace OlnmMl.Imaging.Geometry;

/// <summary>
/// Orientation of the voxel axes: a 3×3 matrix whose column j is the unit direction, in the
/// physical (LPS) frame, of increasing voxel index along axis j.
/// </summary>
public sealed record Direction3
{
    private readonly double[] _m; // row-major

    /// <summary>Creates a direction matrix from 9 row-major values.</summary>
    public Direction3(ReadOnlySpan<double> rowMajor)
    {
        if (rowMajor.Length != 9)
        {
            throw new ArgumentException($"A direction matrix has 9 values, got {rowMajor.Length}.", nameof(rowMajor));
        }

        _m = rowMajor.ToArray();
    }

    /// <summary>The identity orientation (x → L, y → P, z → S).</summary>
    public static Direction3 Identity { get; } = new([1, 0, 0, 0, 1, 0, 0, 0, 1]);

    /// <summary>Element at row <paramref name="row"/>, column <paramref name="column"/>.</summary>
    public double this[int row, int column] => _m[row * 3 + column];

    /// <summary>Unit direction of voxel axis <paramref name="axis"/> (column of the matrix).</summary>
    public Vec3 Axis(int axis) => new(_m[axis], _m[3 + axis], _m[6 + axis]);

    /// <summary>Matrix–vector product D·v.</summary>
    public Vec3 Multiply(Vec3 v) => new(
        _m[0] * v.X + _m[1] * v.Y + _m[2] * v.Z,
        _m[3] * v.X + _m[4] * v.Y + _m[5] * v.Z,
        _m[6] * v.X + _m[7] * v.Y + _m[8] * v.Z);

    /// <summary>Transposed product Dᵀ·v (the inverse for an orthonormal D).</summary>
    public Vec3 MultiplyTransposed(Vec3 v) => new(
        _m[0] * v.X + _m[3] * v.Y + _m[6] * v.Z,
        _m[1] * v.X + _m[4] * v.Y + _m[7] * v.Z,
        _m[2] * v.X + _m[5] * v.Y + _m[8] * v.Z);

    /// <summary>Row-major copy of the 9 values.</summary>
    public double[] ToArray() => (double[])_m.Clone();

    /// <summary>True when every element differs from <paramref name="other"/>'s by at most <paramref name="tolerance"/>.</summary>
    public bool ApproximatelyEquals(Direction3 other, double tolerance)
    {
        for (var i = 0; i < 9; i++)
        {
            if (Math.Abs(_m[i] - other._m[i]) > tolerance)
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public bool Equals(Direction3? other) => other is not null && _m.AsSpan().SequenceEqual(other._m);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_m[0], _m[4], _m[8]);
}
