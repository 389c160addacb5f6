using OlnmMl.Imaging;
using OlnmMl.Imaging.Geometry;
using OlnmMl.Radiomics.Processing;

namespace OlnmMl.Radiomics.Tests.Processing;

public sealed class CubicSplineResamplerTests
{
    private static Volume Cubic()
    {
        // f(x) = x³ − 4x² + 2 along x, constant along y and z; cubic B-splines reproduce cubics exactly
        // (away from the mirrored boundary, whose influence decays as |√3 − 2|^distance).
        var volume = Volume.Zeros(ImageGeometry.AxisAligned(new GridSize(24, 3, 3), new Vec3(1, 1, 1)));
        for (var z = 0; z < 3; z++)
        {
            for (var y = 0; y < 3; y++)
            {
                for (var x = 0; x < 24; x++)
                {
                    volume[x, y, z] = x * x * x - 4 * x * x + 2;
                }
            }
        }

        return volume;
    }

    [Fact]
    public void Spline_interpolates_the_samples_and_reproduces_a_cubic_between_them()
    {
        var source = Cubic();
        var same = CubicSplineResampler.Resample(source, source.Geometry, float.NaN);
        Assert.Equal(source[12, 1, 1], same[12, 1, 1], 0.01);

        var shifted = ImageGeometry.AxisAligned(new GridSize(25, 3, 3), new Vec3(1, 1, 1), new Vec3(0.5, 0, 0));
        var half = CubicSplineResampler.Resample(source, shifted, float.NaN);
        for (var x = 8; x < 14; x++)
        {
            var u = x + 0.5;
            Assert.Equal(u * u * u - 4 * u * u + 2, half[x, 1, 1], 0.02);
        }

        Assert.False(float.IsNaN(half[23, 1, 1])); // 23.5 is the outer edge of the last voxel
        Assert.True(float.IsNaN(half[24, 1, 1])); // 24.5 lies beyond it
    }
}
