using OlnmMl.Imaging.Geometry;

namespace OlnmMl.Radiomics.Filters;

/// <summary>
/// Voxel-wise intensity filters (PyRadiomics' definitions, which keep the intensity range of the
/// original), with M = max |x| over the finite ROI voxels (so the result does not depend on the crop), and
/// the gradient magnitude.
/// </summary>
public static class IntensityFilters
{
    /// <summary>x²/M.</summary>
    public static float[] Square(float[] image, ReadOnlySpan<bool> roi) => Map(image, roi, (x, m) => x * x / m);

    /// <summary>sign(x)·√(|x|·M).</summary>
    public static float[] SquareRoot(float[] image, ReadOnlySpan<bool> roi) => Map(image, roi, (x, m) => Math.Sign(x) * Math.Sqrt(Math.Abs(x) * m));

    /// <summary>sign(x)·M·ln(|x| + 1)/ln(M + 1).</summary>
    public static float[] Logarithm(float[] image, ReadOnlySpan<bool> roi) => Map(image, roi, (x, m) => Math.Sign(x) * m * Math.Log(Math.Abs(x) + 1) / Math.Log(m + 1));

    /// <summary>exp(x·ln(M)/M).</summary>
    public static float[] Exponential(float[] image, ReadOnlySpan<bool> roi) => Map(image, roi, (x, m) => Math.Exp(x * Math.Log(m) / m));

    /// <summary>Gradient magnitude √(Σ_a ((x[i + e_a] − x[i − e_a])/(2 s_a))²), one-sided at the edges.</summary>
    public static float[] GradientMagnitude(float[] image, GridSize size, Vec3 spacing)
    {
        var output = new float[image.Length];
        for (var z = 0; z < size.Z; z++)
        {
            for (var y = 0; y < size.Y; y++)
            {
                for (var x = 0; x < size.X; x++)
                {
                    var gx = Derivative(image, size, x, y, z, 0, spacing.X);
                    var gy = Derivative(image, size, x, y, z, 1, spacing.Y);
                    var gz = Derivative(image, size, x, y, z, 2, spacing.Z);
                    output[size.Index(x, y, z)] = (float)Math.Sqrt(gx * gx + gy * gy + gz * gz);
                }
            }
        }

        return output;
    }

    private static double Derivative(float[] image, GridSize size, int x, int y, int z, int axis, double spacing)
    {
        var n = size[axis];
        if (n == 1)
        {
            return 0;
        }

        var (position, stride) = axis switch { 0 => (x, 1), 1 => (y, size.X), _ => (z, size.X * size.Y) };
        var centre = size.Index(x, y, z);
        var lo = Math.Max(0, position - 1);
        var hi = Math.Min(n - 1, position + 1);
        double a = image[centre + (lo - position) * stride];
        double b = image[centre + (hi - position) * stride];
        return (b - a) / ((hi - lo) * spacing);
    }

    private static float[] Map(float[] image, ReadOnlySpan<bool> roi, Func<double, double, double> f)
    {
        double m = 0;
        for (var i = 0; i < image.Length; i++)
        {
            var x = image[i];
            if (roi[i] && float.IsFinite(x))
            {
                m = Math.Max(m, Math.Abs(x));
            }
        }

        var output = new float[image.Length];
        for (var i = 0; i < image.Length; i++)
        {
            output[i] = m > 0 ? (float)f(image[i], m) : 0f;
        }

        return output;
    }
}
