using OlnmMl.Radiomics.Processing;

namespace OlnmMl.Radiomics.Features;

/// <summary>
/// Moran's I and Geary's C over all ordered pairs k ≠ l of intensity-mask voxels with weights
/// w_kl = 1/‖r_k − r_l‖ (mm), exactly. With m the mask indicator and d_k = X_k − μ (0 outside the mask),
/// the pair sums are correlations with the kernel w(Δ) = 1/‖Δ‖, w(0) = 0:
/// Σw = Σ_k m_k (w∗m)_k, Σ w d_k d_l = Σ_k d_k (w∗d)_k and Σ w (d_k − d_l)² = 2 Σ_k d_k² (w∗m)_k − 2 Σ_k d_k (w∗d)_k.
/// Both convolutions come from one FFT of m + i·d over the mask's bounding box, zero-padded to a power of
/// two ≥ 2n − 1 per axis so the cyclic convolution equals the linear one.
/// </summary>
internal static class SpatialAutocorrelation
{
    public static (double Moran, double Geary) Compute(RoiImage roi)
    {
        if (roi.IntensityCount < 2)
        {
            return (double.NaN, double.NaN);
        }

        var size = roi.Size;
        var mask = roi.IntensityMask;
        int x0 = int.MaxValue, y0 = int.MaxValue, z0 = int.MaxValue, x1 = -1, y1 = -1, z1 = -1;
        double sum = 0;
        for (var i = 0; i < mask.Length; i++)
        {
            if (mask[i])
            {
                int x = i % size.X, y = i / size.X % size.Y, z = i / (size.X * size.Y);
                (x0, x1, y0, y1, z0, z1) = (Math.Min(x0, x), Math.Max(x1, x), Math.Min(y0, y), Math.Max(y1, y), Math.Min(z0, z), Math.Max(z1, z));
                sum += roi.Intensities[i];
            }
        }

        var count = roi.IntensityCount;
        var mean = sum / count;
        int bx = x1 - x0 + 1, by = y1 - y0 + 1, bz = z1 - z0 + 1;
        int nx = Fft3D.PowerOfTwoAtLeast(2 * bx - 1), ny = Fft3D.PowerOfTwoAtLeast(2 * by - 1), nz = Fft3D.PowerOfTwoAtLeast(2 * bz - 1);
        var total = nx * ny * nz;
        var re = new double[total];
        var im = new double[total];
        double denominator = 0;
        for (var z = 0; z < bz; z++)
        {
            for (var y = 0; y < by; y++)
            {
                for (var x = 0; x < bx; x++)
                {
                    var i = size.Index(x0 + x, y0 + y, z0 + z);
                    if (mask[i])
                    {
                        var d = roi.Intensities[i] - mean;
                        re[x + nx * (y + ny * z)] = 1;
                        im[x + nx * (y + ny * z)] = d;
                        denominator += d * d;
                    }
                }
            }
        }

        if (denominator == 0)
        {
            return (double.NaN, double.NaN);
        }

        var (kernelRe, kernelIm) = InverseDistanceKernel(roi, bx, by, bz, nx, ny, nz);
        Fft3D.Transform(re, im, nx, ny, nz, inverse: false);
        Fft3D.Transform(kernelRe, kernelIm, nx, ny, nz, inverse: false);
        for (var i = 0; i < total; i++)
        {
            var r = re[i] * kernelRe[i] - im[i] * kernelIm[i];
            im[i] = re[i] * kernelIm[i] + im[i] * kernelRe[i];
            re[i] = r;
        }

        Fft3D.Transform(re, im, nx, ny, nz, inverse: true);

        double weightSum = 0, moran = 0, geary = 0;
        for (var z = 0; z < bz; z++)
        {
            for (var y = 0; y < by; y++)
            {
                for (var x = 0; x < bx; x++)
                {
                    var i = size.Index(x0 + x, y0 + y, z0 + z);
                    if (mask[i])
                    {
                        var d = roi.Intensities[i] - mean;
                        var j = x + nx * (y + ny * z);
                        weightSum += re[j];
                        moran += d * im[j];
                        geary += 2 * (d * d * re[j] - d * im[j]);
                    }
                }
            }
        }

        return (count / weightSum * moran / denominator, (count - 1) / (2 * weightSum) * geary / denominator);
    }

    /// <summary>w(Δ) = 1/‖Δ‖ in mm for |Δ_a| &lt; b_a, stored cyclically (negative offsets wrap to the end of each axis).</summary>
    private static (double[] Re, double[] Im) InverseDistanceKernel(RoiImage roi, int bx, int by, int bz, int nx, int ny, int nz)
    {
        var s = roi.Spacing;
        var kernel = new double[nx * ny * nz];
        for (var dz = 1 - bz; dz < bz; dz++)
        {
            for (var dy = 1 - by; dy < by; dy++)
            {
                for (var dx = 1 - bx; dx < bx; dx++)
                {
                    double px = dx * s.X, py = dy * s.Y, pz = dz * s.Z;
                    var d = Math.Sqrt(px * px + py * py + pz * pz);
                    var j = (dx + nx) % nx + nx * ((dy + ny) % ny + ny * ((dz + nz) % nz));
                    kernel[j] = d > 0 ? 1 / d : 0;
                }
            }
        }

        return (kernel, new double[kernel.Length]);
    }
}
