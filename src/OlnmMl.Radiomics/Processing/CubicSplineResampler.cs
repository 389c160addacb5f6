using OlnmMl.Imaging;
using OlnmMl.Imaging.Geometry;

namespace OlnmMl.Radiomics.Processing;

/// <summary>
/// Tricubic B-spline interpolation (Unser; Thévenaz et al.): the source is prefiltered along each axis by the
/// recursive filter with pole z = √3 − 2 (gain 6, mirror boundary) so the spline interpolates the samples,
/// then each target voxel centre is mapped through physical space to a continuous source index and the
/// spline is evaluated with the weights (1 − t)³/6, (3t³ − 6t² + 4)/6, (−3t³ + 3t² + 3t + 1)/6, t³/6.
/// Points more than half a voxel outside the source take <c>outsideValue</c>.
/// </summary>
public static class CubicSplineResampler
{
    private static readonly double Pole = Math.Sqrt(3) - 2;

    /// <summary>Resamples <paramref name="source"/> onto <paramref name="target"/>.</summary>
    public static Volume Resample(Volume source, ImageGeometry target, float outsideValue)
    {
        var size = source.Size;
        var coefficients = source.Voxels.Select(v => (double)v).ToArray();
        for (var axis = 0; axis < 3; axis++)
        {
            Prefilter(coefficients, size, axis);
        }

        var output = new float[target.Size.Count];
        var t = target.Size;
        Span<double> wx = stackalloc double[4];
        Span<double> wy = stackalloc double[4];
        Span<double> wz = stackalloc double[4];
        for (var z = 0; z < t.Z; z++)
        {
            for (var y = 0; y < t.Y; y++)
            {
                for (var x = 0; x < t.X; x++)
                {
                    var p = source.Geometry.PhysicalToIndex(target.IndexToPhysical(x, y, z));
                    if (!Inside(p.X, size.X) || !Inside(p.Y, size.Y) || !Inside(p.Z, size.Z))
                    {
                        output[t.Index(x, y, z)] = outsideValue;
                        continue;
                    }

                    int ix = Weights(p.X, wx), iy = Weights(p.Y, wy), iz = Weights(p.Z, wz);
                    double sum = 0;
                    for (var c = 0; c < 4; c++)
                    {
                        var zc = Mirror(iz + c, size.Z);
                        for (var b = 0; b < 4; b++)
                        {
                            var yb = Mirror(iy + b, size.Y);
                            double row = 0;
                            for (var a = 0; a < 4; a++)
                            {
                                row += wx[a] * coefficients[size.Index(Mirror(ix + a, size.X), yb, zc)];
                            }

                            sum += wz[c] * wy[b] * row;
                        }
                    }

                    output[t.Index(x, y, z)] = (float)sum;
                }
            }
        }

        return new Volume(target, output);
    }

    private static bool Inside(double index, int count) => index >= -0.5 && index <= count - 0.5;

    // Fills the four weights for continuous index u and returns the first of the four sample indices.
    private static int Weights(double u, Span<double> w)
    {
        var i = (int)Math.Floor(u);
        var t = u - i;
        var t2 = t * t;
        var t3 = t2 * t;
        w[0] = (1 - t) * (1 - t) * (1 - t) / 6;
        w[1] = (3 * t3 - 6 * t2 + 4) / 6;
        w[2] = (-3 * t3 + 3 * t2 + 3 * t + 1) / 6;
        w[3] = t3 / 6;
        return i - 1;
    }

    private static int Mirror(int i, int n)
    {
        if (n == 1)
        {
            return 0;
        }

        var period = 2 * n - 2;
        i = Math.Abs(i) % period;
        return i < n ? i : period - i;
    }

    private static void Prefilter(double[] data, GridSize size, int axis)
    {
        var n = size[axis];
        if (n < 2)
        {
            return;
        }

        var stride = axis switch { 0 => 1, 1 => size.X, _ => size.X * size.Y };
        var line = new double[n];
        var lines = (int)(size.Count / n);
        var z = Pole;
        var gain = (1 - z) * (1 - 1 / z);
        var horizon = Math.Min(n, (int)Math.Ceiling(Math.Log(1e-12) / Math.Log(Math.Abs(z))));
        for (var l = 0; l < lines; l++)
        {
            var start = axis switch { 0 => l * size.X, 1 => l % size.X + l / size.X * size.X * size.Y, _ => l };
            for (var k = 0; k < n; k++)
            {
                line[k] = data[start + k * stride] * gain;
            }

            // Causal initialisation for mirror boundaries (truncated geometric sum).
            double sum = line[0], zk = z;
            for (var k = 1; k < horizon; k++)
            {
                sum += zk * line[k];
                zk *= z;
            }

            line[0] = sum;
            for (var k = 1; k < n; k++)
            {
                line[k] += z * line[k - 1];
            }

            line[n - 1] = z / (z * z - 1) * (line[n - 1] + z * line[n - 2]);
            for (var k = n - 2; k >= 0; k--)
            {
                line[k] = z * (line[k + 1] - line[k]);
            }

            for (var k = 0; k < n; k++)
            {
                data[start + k * stride] = line[k];
            }
        }
    }
}
