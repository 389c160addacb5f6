using OlnmMl.Imaging.Geometry;

namespace OlnmMl.Radiomics.Filters;

/// <summary>
/// Scale-normalised Laplacian of Gaussian: σ² (∂²/∂x² + ∂²/∂y² + ∂²/∂z²)(G_σ * f), with σ in mm, evaluated
/// by separable sampled kernels g(t) ∝ exp(−t²/2σ²) and g''(t) = (t²/σ⁴ − 1/σ²) g(t) truncated at 4σ
/// (t in mm, the smoothing kernel normalised to unit sum).
/// </summary>
public static class LaplacianOfGaussian
{
    /// <summary>The filter response of <paramref name="image"/> (spacing <paramref name="spacing"/>) at σ = <paramref name="sigmaMm"/>.</summary>
    public static float[] Apply(float[] image, GridSize size, Vec3 spacing, double sigmaMm)
    {
        var smooth = new (double[] Kernel, int Centre)[3];
        var second = new (double[] Kernel, int Centre)[3];
        for (var axis = 0; axis < 3; axis++)
        {
            (smooth[axis], second[axis]) = Kernels(sigmaMm, spacing[axis]);
        }

        var result = new float[image.Length];
        for (var derivative = 0; derivative < 3; derivative++)
        {
            var current = image;
            for (var axis = 0; axis < 3; axis++)
            {
                var (kernel, centre) = axis == derivative ? second[axis] : smooth[axis];
                current = SeparableConvolution.Along(current, size, axis, kernel, centre);
            }

            for (var i = 0; i < result.Length; i++)
            {
                result[i] += (float)(sigmaMm * sigmaMm * current[i]);
            }
        }

        return result;
    }

    private static ((double[], int), (double[], int)) Kernels(double sigma, double spacing)
    {
        var radius = Math.Max(1, (int)Math.Ceiling(4 * sigma / spacing));
        var g = new double[2 * radius + 1];
        var d2 = new double[2 * radius + 1];
        double sum = 0;
        for (var k = -radius; k <= radius; k++)
        {
            var t = k * spacing;
            g[k + radius] = Math.Exp(-t * t / (2 * sigma * sigma));
            sum += g[k + radius];
        }

        for (var k = -radius; k <= radius; k++)
        {
            var t = k * spacing;
            g[k + radius] /= sum;
            d2[k + radius] = (t * t / Math.Pow(sigma, 4) - 1 / (sigma * sigma)) * g[k + radius];
        }

        // Zero-mean second derivative kernel: a constant image has no curvature.
        var mean = d2.Average();
        for (var k = 0; k < d2.Length; k++)
        {
            d2[k] -= mean;
        }

        return ((g, radius), (d2, radius));
    }
}
