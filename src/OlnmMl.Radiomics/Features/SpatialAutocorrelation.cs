using OlnmMl.Radiomics.Processing;

namespace OlnmMl.Radiomics.Features;

/// <summary>
/// Moran's I and Geary's C over all pairs of intensity-mask voxels with weights w_kl = 1/‖r_k − r_l‖ (mm).
/// The weight depends only on the index offset, so it is read from a table instead of a square root per pair.
/// Exact up to <see cref="ExactLimit"/> voxels; larger ROIs (the cost is quadratic) use every ⌈N/limit⌉-th
/// voxel in grid order, an approximation IBSI allows for large ROIs.
/// </summary>
internal static class SpatialAutocorrelation
{
    public const int ExactLimit = 20_000;

    public static (double Moran, double Geary) Compute(RoiImage roi)
    {
        var size = roi.Size;
        if (roi.IntensityCount < 2)
        {
            return (double.NaN, double.NaN);
        }

        var stride = (roi.IntensityCount + ExactLimit - 1) / ExactLimit;
        var count = (roi.IntensityCount + stride - 1) / stride;

        var xs = new int[count];
        var ys = new int[count];
        var zs = new int[count];
        var values = new double[count];
        var n = 0;
        var seen = 0;
        for (var i = 0; i < roi.IntensityMask.Length; i++)
        {
            if (roi.IntensityMask[i] && seen++ % stride == 0)
            {
                (xs[n], ys[n], zs[n], values[n]) = (i % size.X, i / size.X % size.Y, i / (size.X * size.Y), roi.Intensities[i]);
                n++;
            }
        }

        var mean = values.Average();
        double denominator = 0;
        foreach (var v in values)
        {
            denominator += (v - mean) * (v - mean);
        }

        var s = roi.Spacing;
        var weights = new double[size.X * size.Y * size.Z];
        for (var dz = 0; dz < size.Z; dz++)
        {
            for (var dy = 0; dy < size.Y; dy++)
            {
                for (var dx = 0; dx < size.X; dx++)
                {
                    double px = dx * s.X, py = dy * s.Y, pz = dz * s.Z;
                    var d = Math.Sqrt(px * px + py * py + pz * pz);
                    weights[size.Index(dx, dy, dz)] = d > 0 ? 1 / d : 0;
                }
            }
        }

        double weightSum = 0, moran = 0, geary = 0;
        for (var k = 0; k < count; k++)
        {
            var dk = values[k] - mean;
            for (var l = k + 1; l < count; l++)
            {
                var w = weights[size.Index(Math.Abs(xs[k] - xs[l]), Math.Abs(ys[k] - ys[l]), Math.Abs(zs[k] - zs[l]))];
                var diff = values[k] - values[l];
                weightSum += w;
                moran += w * dk * (values[l] - mean);
                geary += w * diff * diff;
            }
        }

        // Each unordered pair counted once: numerators and Σw are both halved, so the ratios are unchanged.
        if (denominator == 0)
        {
            return (double.NaN, double.NaN);
        }

        return (count / weightSum * moran / denominator, (count - 1) / (2 * weightSum) * geary / denominator);
    }
}
