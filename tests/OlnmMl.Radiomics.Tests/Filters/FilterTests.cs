using OlnmMl.Imaging.Geometry;
using OlnmMl.Radiomics.Filters;

namespace OlnmMl.Radiomics.Tests.Filters;

public sealed class FilterTests
{
    private static readonly GridSize Size = GridSize.Cube(24);

    private static float[] Image(Func<int, int, int, double> f)
    {
        var voxels = new float[Size.Count];
        for (var z = 0; z < Size.Z; z++)
        {
            for (var y = 0; y < Size.Y; y++)
            {
                for (var x = 0; x < Size.X; x++)
                {
                    voxels[Size.Index(x, y, z)] = (float)f(x, y, z);
                }
            }
        }

        return voxels;
    }

    [Fact]
    public void Log_of_a_quadratic_is_twice_sigma_squared_and_of_a_constant_zero()
    {
        // ∇²(x²) = 2 (x in mm, spacing 1 mm); smoothing leaves the curvature, scale normalisation multiplies by σ².
        var sigma = 2.0;
        var log = LaplacianOfGaussian.Apply(Image((x, _, _) => (x - 12.0) * (x - 12.0)), Size, new Vec3(1, 1, 1), sigma, new VoxelBox(10, 10, 10, 14, 14, 14));
        Assert.True(float.IsNaN(log[Size.Index(0, 0, 0)])); // outside the requested region
        Assert.Equal(2 * sigma * sigma, log[Size.Index(12, 12, 12)], 0.02 * 2 * sigma * sigma);
        var flat = LaplacianOfGaussian.Apply(Image((_, _, _) => 7), Size, new Vec3(1, 1, 1), sigma, VoxelBox.All(Size));
        Assert.All(flat, v => Assert.Equal(0, v, 1e-4));
    }

    [Fact]
    public void Haar_subbands_of_a_constant_keep_it_in_lll_only()
    {
        // Low-pass taps sum to √2 per axis, high-pass taps to 0: LLL = (√2)³·c, every other band 0.
        var bands = Wavelet.Decompose(Image((_, _, _) => 5), Size, "haar");
        Assert.Equal(8, bands.Length);
        Assert.All(bands[0], v => Assert.Equal(5 * 2 * Math.Sqrt(2), v, 1e-4));
        Assert.All(bands.Skip(1).SelectMany(b => b), v => Assert.Equal(0, v, 1e-4));
    }

    [Fact]
    public void Coiflet_high_pass_removes_a_linear_ramp_along_its_axis()
    {
        // Coiflet-1 has two vanishing moments: the high-pass response to a linear ramp is 0 away from the edges.
        var bands = Wavelet.Decompose(Image((x, _, _) => 3 * x), Size, "coif1");
        Assert.Equal(0, bands[4][Size.Index(12, 12, 12)], 1e-3); // HLL
    }

    [Fact]
    public void Intensity_filters_keep_the_range_of_the_original()
    {
        float[] image = [-4, 1, 4, 100];
        bool[] roi = [true, true, true, false]; // M = 4: the voxel outside the ROI does not count
        Assert.Equal([4f, 0.25f, 4f], IntensityFilters.Square(image, roi)[..3]);
        Assert.Equal([-4f, 2f, 4f], IntensityFilters.SquareRoot(image, roi)[..3]);
        var log = IntensityFilters.Logarithm(image, roi);
        Assert.Equal(-4, log[0], 1e-5);
        Assert.Equal(4 * Math.Log(2) / Math.Log(5), log[1], 1e-5);
        Assert.Equal(4, IntensityFilters.Exponential(image, roi)[2], 1e-4); // exp(M ln M / M) = M
    }

    [Fact]
    public void Gradient_of_a_ramp_is_its_slope_in_mm()
    {
        var gradient = IntensityFilters.GradientMagnitude(Image((x, y, _) => 3 * x + 4 * y), Size, new Vec3(0.5, 1, 1));
        Assert.Equal(Math.Sqrt(36 + 16), gradient[Size.Index(10, 10, 10)], 1e-4); // ∂/∂x = 3 per voxel / 0.5 mm
    }
}
