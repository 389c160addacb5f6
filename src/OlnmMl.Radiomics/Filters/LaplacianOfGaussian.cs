using OlnmMl.Imaging.Geometry;

namespace OlnmMl.Radiomics.Filters;

/// <summary>
/// Scale-normalised Laplacian of Gaussian: σ² (∂²/∂x² + ∂²/∂y² + ∂²/∂z²)(G_σ * f), with σ in mm, evaluated
/// by separable sampled kernels g(t) ∝ exp(−t²/2σ²) and g''(t) = (t²/σ⁴ − 1/σ²) g(t) truncated at 4σ
/// (t in mm, the smoothing kernel normalised to unit sum, the second-derivative kernel to zero sum), in
/// seven passes: x (g, g''), y (three products), z (two). Mirror boundary.
/// </summary>
public static class LaplacianOfGaussian
{
    /// <summary>The response inside <paramref name="region"/> (NaN elsewhere) of <paramref name="image"/> at σ = <paramref name="sigmaMm"/>.</summary>
    public static float[] Apply(float[] image, GridSize size, Vec3 spacing, double sigmaMm, VoxelBox region)
    {
        var (gx, dx) = Kernels(sigmaMm, spacing.X);
        var (gy, dy) = Kernels(sigmaMm, spacing.Y);
        var (gz, dz) = Kernels(sigmaMm, spacing.Z);
        int ry = gy.Length / 2, rz = gz.Length / 2;
        var boxX = region.Grow(0, ry, rz, size);
        var boxY = region.Grow(0, 0, rz, size);

        var smoothX = SeparableConvolution.Along(image, size, 0, gx, gx.Length / 2, boxX);
        var curveX = SeparableConvolution.Along(image, size, 0, dx, dx.Length / 2, boxX);
        var smoothXY = SeparableConvolution.Along(smoothX, size, 1, gy, ry, boxY);
        var curveY = SeparableConvolution.Along(smoothX, size, 1, dy, ry, boxY);
        var curveXsmoothY = SeparableConvolution.Along(curveX, size, 1, gy, ry, boxY);
        for (var i = 0; i < curveY.Length; i++)
        {
            curveY[i] += curveXsmoothY[i];
        }

        var planar = SeparableConvolution.Along(curveY, size, 2, gz, rz, region);
        var axial = SeparableConvolution.Along(smoothXY, size, 2, dz, rz, region);
        var result = new float[image.Length];
        Array.Fill(result, float.NaN);
        var scale = sigmaMm * sigmaMm;
        for (var z = region.Z0; z <= region.Z1; z++)
        {
            for (var y = region.Y0; y <= region.Y1; y++)
            {
                for (var x = region.X0; x <= region.X1; x++)
                {
                    var i = size.Index(x, y, z);
                    result[i] = (float)(scale * (planar[i] + axial[i]));
                }
            }
        }

        return result;
    }

    private static (double[] Smooth, double[] Second) Kernels(double sigma, double spacing)
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

        // Zero-sum second derivative kernel: a constant image has no curvature.
        var mean = d2.Average();
        for (var k = 0; k < d2.Length; k++)
        {
            d2[k] -= mean;
        }

        return (g, d2);
    }
}
