using OlnmMl.Imaging.Geometry;

namespace OlnmMl.Imaging.IO;

/// <summary>
/// Conversions between <see cref="ImageGeometry"/> (LPS) and NIfTI's RAS affine and quaternion
/// (qform) encodings. RAS = diag(−1, −1, 1) · LPS.
/// </summary>
internal static class NiftiAffine
{
    /// <summary>Geometry from the 3×4 row-major RAS affine (srow_x, srow_y, srow_z).</summary>
    public static ImageGeometry ToGeometry(string path, ReadOnlySpan<double> affine, GridSize size)
    {
        Span<double> direction = stackalloc double[9];
        var spacing = new double[3];
        for (var column = 0; column < 3; column++)
        {
            var x = affine[column];
            var y = affine[4 + column];
            var z = affine[8 + column];
            var length = Math.Sqrt(x * x + y * y + z * z);
            if (!(length > 0) || !double.IsFinite(length))
            {
                throw new VolumeFormatException(path, $"degenerate sform: column {column} has length {length}");
            }

            spacing[column] = length;
            direction[column] = -x / length;
            direction[3 + column] = -y / length;
            direction[6 + column] = z / length;
        }

        return new ImageGeometry(
            size,
            new Vec3(spacing[0], spacing[1], spacing[2]),
            new Vec3(-affine[3], -affine[7], affine[11]),
            new Direction3(direction));
    }

    /// <summary>Geometry from the qform quaternion (b, c, d), the handedness factor qfac and the RAS offset.</summary>
    public static ImageGeometry FromQuaternion(GridSize size, Vec3 spacing, double b, double c, double d, double qfac, Vec3 offset)
    {
        var a = 1.0 - (b * b + c * c + d * d);
        a = a < 1e-7 ? 0 : Math.Sqrt(a);
        Span<double> r =
        [
            a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c),
            2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b),
            2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b,
        ];
        for (var row = 0; row < 3; row++)
        {
            r[row * 3 + 2] *= qfac;
        }

        for (var column = 0; column < 3; column++)
        {
            r[column] = -r[column];
            r[3 + column] = -r[3 + column];
        }

        return new ImageGeometry(size, spacing, new Vec3(-offset.X, -offset.Y, offset.Z), new Direction3(r));
    }

    /// <summary>The 3×4 row-major RAS affine of <paramref name="geometry"/>.</summary>
    public static double[] ToAffine(ImageGeometry geometry)
    {
        var affine = new double[12];
        for (var row = 0; row < 3; row++)
        {
            var sign = row < 2 ? -1.0 : 1.0;
            for (var column = 0; column < 3; column++)
            {
                affine[row * 4 + column] = sign * geometry.Direction[row, column] * geometry.Spacing[column];
            }

            affine[row * 4 + 3] = sign * geometry.Origin[row];
        }

        return affine;
    }

    /// <summary>
    /// The qform encoding (b, c, d, qfac) of <paramref name="geometry"/>'s direction, by the algorithm of
    /// nifti1_io's mat44_to_quatern: qfac = −1 and the third column negated when det &lt; 0, then the
    /// quaternion of the remaining proper rotation with a ≥ 0.
    /// </summary>
    public static (double B, double C, double D, double Qfac) ToQuaternion(ImageGeometry geometry)
    {
        Span<double> r = stackalloc double[9];
        for (var row = 0; row < 3; row++)
        {
            var sign = row < 2 ? -1.0 : 1.0;
            for (var column = 0; column < 3; column++)
            {
                r[row * 3 + column] = sign * geometry.Direction[row, column];
            }
        }

        var determinant =
            r[0] * (r[4] * r[8] - r[5] * r[7]) - r[1] * (r[3] * r[8] - r[5] * r[6]) + r[2] * (r[3] * r[7] - r[4] * r[6]);
        var qfac = 1.0;
        if (determinant < 0)
        {
            qfac = -1.0;
            r[2] = -r[2];
            r[5] = -r[5];
            r[8] = -r[8];
        }

        double r11 = r[0], r12 = r[1], r13 = r[2], r21 = r[3], r22 = r[4], r23 = r[5], r31 = r[6], r32 = r[7], r33 = r[8];
        double a, b, c, d;
        var trace = r11 + r22 + r33 + 1.0;
        if (trace > 0.5)
        {
            a = 0.5 * Math.Sqrt(trace);
            b = 0.25 * (r32 - r23) / a;
            c = 0.25 * (r13 - r31) / a;
            d = 0.25 * (r21 - r12) / a;
        }
        else if (1.0 + r11 - (r22 + r33) > 1.0)
        {
            b = 0.5 * Math.Sqrt(1.0 + r11 - (r22 + r33));
            c = 0.25 * (r12 + r21) / b;
            d = 0.25 * (r13 + r31) / b;
            a = 0.25 * (r32 - r23) / b;
        }
        else if (1.0 + r22 - (r11 + r33) > 1.0)
        {
            c = 0.5 * Math.Sqrt(1.0 + r22 - (r11 + r33));
            b = 0.25 * (r12 + r21) / c;
            d = 0.25 * (r23 + r32) / c;
            a = 0.25 * (r13 - r31) / c;
        }
        else
        {
            d = 0.5 * Math.Sqrt(1.0 + r33 - (r11 + r22));
            b = 0.25 * (r13 + r31) / d;
            c = 0.25 * (r23 + r32) / d;
            a = 0.25 * (r21 - r12) / d;
        }

        return a < 0 ? (-b, -c, -d, qfac) : (b, c, d, qfac);
    }
}
