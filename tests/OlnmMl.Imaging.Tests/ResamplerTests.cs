using OlnmMl.Imaging.Geometry;
using OlnmMl.Imaging.Resampling;

namespace OlnmMl.Imaging.Tests;

public sealed class ResamplerTests
{
    /// <summary>f(p) = 2x − 3y + 0.5z + 7 of the physical position p: trilinear interpolation reproduces it exactly.</summary>
    private static double Ramp(Vec3 p) => 2 * p.X - 3 * p.Y + 0.5 * p.Z + 7;

    private static Volume Sample(ImageGeometry geometry, Func<Vec3, double> f)
    {
        var volume = Volume.Zeros(geometry);
        for (var z = 0; z < geometry.Size.Z; z++)
        {
            for (var y = 0; y < geometry.Size.Y; y++)
            {
                for (var x = 0; x < geometry.Size.X; x++)
                {
                    volume[x, y, z] = (float)f(geometry.IndexToPhysical(x, y, z));
                }
            }
        }

        return volume;
    }

    [Fact]
    public void TrilinearReproducesLinearRampExactly()
    {
        var source = Sample(ImageGeometry.AxisAligned(new GridSize(12, 10, 6), new Vec3(0.7, 0.7, 2.5), new Vec3(-3, 4, 10)), Ramp);

        var resampled = Resampler.ToSpacing(source, new Vec3(1, 1, 1), Interpolation.Linear);

        var checkedVoxels = 0;
        for (var z = 0; z < resampled.Size.Z; z++)
        {
            for (var y = 0; y < resampled.Size.Y; y++)
            {
                for (var x = 0; x < resampled.Size.X; x++)
                {
                    var p = resampled.Geometry.IndexToPhysical(x, y, z);
                    var index = source.Geometry.PhysicalToIndex(p);
                    if (index.X < 0 || index.Y < 0 || index.Z < 0 || index.X > 11 || index.Y > 9 || index.Z > 5)
                    {
                        continue; // edge extrapolation replicates the border, not the ramp
                    }

                    Assert.Equal(Ramp(p), resampled[x, y, z], 3);
                    checkedVoxels++;
                }
            }
        }

        Assert.True(checkedVoxels > 200, $"only {checkedVoxels} interior voxels were checked");
    }

    [Fact]
    public void AlignedGridFollowsIbsiCentreAlignment()
    {
        // IBSI: n_b = ⌈n_a s_a / s_b⌉ = ⌈5·2/1⌉ = 10 along x, ⌈4·2/3⌉ = 3 along y; the grid centres coincide:
        // source centre index (n_a − 1)/2 = 2 → x = 10 + 2·2 = 14; target centre (10 − 1)/2 = 4.5 → x₀ + 4.5·1 = 14 → x₀ = 9.5.
        var geometry = ImageGeometry.AxisAligned(new GridSize(5, 4, 1), new Vec3(2, 2, 2), new Vec3(10, 20, 0));

        var aligned = Resampler.AlignedGrid(geometry, new Vec3(1, 3, 2));

        Assert.Equal(new GridSize(10, 3, 1), aligned.Size);
        Assert.Equal(9.5, aligned.Origin.X, 12);
        Assert.Equal(20 + 3 - 3, aligned.Origin.Y, 12); // centre y = 20 + 1.5·2 = 23; y₀ = 23 − 1·3 = 20
    }

    [Fact]
    public void PetIsResampledOntoCtGridThroughPhysicalSpace()
    {
        var ct = ImageGeometry.AxisAligned(new GridSize(8, 8, 8), new Vec3(1, 1, 1), new Vec3(0, 0, 0));
        var c = Math.Cos(0.2);
        var s = Math.Sin(0.2);
        var petGeometry = new ImageGeometry(new GridSize(10, 10, 10), new Vec3(1.5, 1.5, 1.5), new Vec3(-3, -2, -4), new Direction3([c, -s, 0, s, c, 0, 0, 0, 1]));
        var pet = Sample(petGeometry, Ramp);

        var onCt = Resampler.Resample(pet, ct, Interpolation.Linear);

        Assert.Equal(ct, onCt.Geometry);
        Assert.Equal(Ramp(new Vec3(3, 4, 5)), onCt[3, 4, 5], 3);
        Assert.Equal(Ramp(new Vec3(7, 1, 2)), onCt[7, 1, 2], 3);
    }

    [Fact]
    public void NearestKeepsMaskLabelsAndOutsideValue()
    {
        var mask = Volume.Zeros(ImageGeometry.AxisAligned(new GridSize(4, 4, 4), new Vec3(2, 2, 2)));
        mask[1, 1, 1] = 1;
        var target = ImageGeometry.AxisAligned(new GridSize(10, 10, 10), new Vec3(1, 1, 1), new Vec3(-1, -1, -1));

        var resampled = Resampler.Resample(mask, target, Interpolation.Nearest, outsideValue: -5);

        Assert.All(resampled.Voxels, v => Assert.Contains(v, new[] { 0f, 1f, -5f }));
        Assert.Equal(1f, resampled[3, 3, 3]); // physical (2, 2, 2) = source voxel (1, 1, 1)
        Assert.Equal(-5f, resampled[9, 9, 9]); // physical (8, 8, 8) = source index 4 > 3.5: outside
    }

    [Fact]
    public void PartialVolumeMaskThresholdsInterpolatedFractionAtHalf()
    {
        var mask = Volume.Zeros(ImageGeometry.AxisAligned(new GridSize(2, 1, 1), new Vec3(1, 1, 1)));
        mask[0, 0, 0] = 1;
        // Target voxels at x = 0.25 (fraction 0.75 → in), 0.5 (0.5 → in), 0.75 (0.25 → out).
        var target = ImageGeometry.AxisAligned(new GridSize(3, 1, 1), new Vec3(0.25, 1, 1), new Vec3(0.25, 0, 0));

        var resampled = Resampler.ResampleMask(mask, target, partialVolumeThreshold: 0.5);

        Assert.Equal(new[] { 1f, 1f, 0f }, resampled.Voxels);
    }
}
