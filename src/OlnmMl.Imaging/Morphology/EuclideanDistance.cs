using OlnmMl.Imaging.Geometry;

namespace OlnmMl.Imaging.Morphology;

/// <summary>
/// The exact Euclidean distance transform on an anisotropic grid: for every voxel p, the distance in millimetres
/// from p's centre to the nearest centre of a feature voxel q, d(p) = min_q √Σ_a ((p_a − q_a)·s_a)², with s the voxel
/// spacing; +∞ where there is no feature voxel. Computed separably, one axis after another, by the lower envelope of
/// parabolas of Felzenszwalb &amp; Huttenlocher (Theory of Computing 8, 2012): D_a(p) = min_q ((p − q)·s_a)² + D_{a−1}(q),
/// linear in the number of voxels.
/// </summary>
public static class EuclideanDistance
{
    /// <summary>The distance (mm) of every voxel of a <paramref name="size"/> grid to the nearest voxel where <paramref name="feature"/> is true (x fastest).</summary>
    /// <exception cref="ArgumentException">The mask length differs from the grid's voxel count, or a spacing is not positive.</exception>
    public static double[] Transform(ReadOnlySpan<bool> feature, GridSize size, Vec3 spacing)
    {
        if (feature.Length != size.Count)
        {
            throw new ArgumentException($"The mask has {feature.Length} voxels; a {size.X}×{size.Y}×{size.Z} grid has {size.Count}.", nameof(feature));
        }

        if (!(spacing.X > 0 && spacing.Y > 0 && spacing.Z > 0))
        {
            throw new ArgumentException($"Voxel spacing must be positive; got {spacing.X} × {spacing.Y} × {spacing.Z} mm.", nameof(spacing));
        }

        var squared = new double[feature.Length];
        for (var i = 0; i < squared.Length; i++)
        {
            squared[i] = feature[i] ? 0 : double.PositiveInfinity;
        }

        var scratch = new Envelope(Math.Max(size.X, Math.Max(size.Y, size.Z)));
        int plane = size.X * size.Y;
        Pass(squared, size.X, 1, size.Y * size.Z, line => line * size.X, spacing.X, scratch);
        Pass(squared, size.Y, size.X, size.X * size.Z, line => line / size.X * plane + line % size.X, spacing.Y, scratch);
        Pass(squared, size.Z, plane, plane, line => line, spacing.Z, scratch);
        for (var i = 0; i < squared.Length; i++)
        {
            squared[i] = Math.Sqrt(squared[i]);
        }

        return squared;
    }

    // Runs the 1D transform on every line along one axis: `lines` lines of `length` voxels `stride` apart, line i starting at start(i).
    private static void Pass(double[] values, int length, int stride, int lines, Func<int, int> start, double spacing, Envelope scratch)
    {
        for (var line = 0; line < lines; line++)
        {
            var first = start(line);
            for (var p = 0; p < length; p++)
            {
                scratch.Input[p] = values[first + p * stride];
            }

            scratch.Transform(length, spacing);
            for (var p = 0; p < length; p++)
            {
                values[first + p * stride] = scratch.Output[p];
            }
        }
    }

    // The 1D squared distance transform D(p) = min_q ((p − q)·s)² + f(q) by the lower envelope of the parabolas rooted at the finite f(q).
    private sealed class Envelope(int capacity)
    {
        public readonly double[] Input = new double[capacity];
        public readonly double[] Output = new double[capacity];
        private readonly int[] roots = new int[capacity];
        private readonly double[] bounds = new double[capacity + 1];

        public void Transform(int length, double spacing)
        {
            var k = -1;
            for (var q = 0; q < length; q++)
            {
                if (double.IsPositiveInfinity(Input[q]))
                {
                    continue;
                }

                var boundary = double.NegativeInfinity;
                while (k >= 0)
                {
                    boundary = Intersection(roots[k], q, spacing);
                    if (boundary > bounds[k])
                    {
                        break;
                    }

                    k--;
                }

                k++;
                roots[k] = q;
                bounds[k] = k == 0 ? double.NegativeInfinity : boundary;
            }

            if (k < 0)
            {
                Array.Fill(Output, double.PositiveInfinity, 0, length);
                return;
            }

            bounds[k + 1] = double.PositiveInfinity;
            var j = 0;
            for (var p = 0; p < length; p++)
            {
                var x = p * spacing;
                while (bounds[j + 1] < x)
                {
                    j++;
                }

                var offset = x - roots[j] * spacing;
                Output[p] = offset * offset + Input[roots[j]];
            }
        }

        // Abscissa (mm) where the parabolas rooted at voxels v < q meet.
        private double Intersection(int v, int q, double spacing)
        {
            double xv = v * spacing, xq = q * spacing;
            return (Input[q] + xq * xq - (Input[v] + xv * xv)) / (2 * (xq - xv));
        }
    }
}
