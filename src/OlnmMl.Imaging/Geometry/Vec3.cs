namespace OlnmMl.Imaging.Geometry;

/// <summary>A point or direction in 3D physical space (millimetres, LPS patient frame).</summary>
public readonly record struct Vec3(double X, double Y, double Z)
{
    /// <summary>Component by axis index (0 = x, 1 = y, 2 = z).</summary>
    public double this[int axis] => axis switch
    {
        0 => X,
        1 => Y,
        2 => Z,
        _ => throw new ArgumentOutOfRangeException(nameof(axis), axis, "Axis must be 0, 1 or 2."),
    };

    /// <summary>Component-wise sum.</summary>
    public static Vec3 operator +(Vec3 a, Vec3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    /// <summary>Component-wise difference.</summary>
    public static Vec3 operator -(Vec3 a, Vec3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    /// <summary>Scalar multiple.</summary>
    public static Vec3 operator *(double s, Vec3 a) => new(s * a.X, s * a.Y, s * a.Z);

    /// <summary>Euclidean norm √(x² + y² + z²).</summary>
    public double Length => Math.Sqrt(X * X + Y * Y + Z * Z);
}
