using OlnmMl.Imaging;
using OlnmMl.Imaging.Geometry;
using OlnmMl.Radiomics.Processing;
using OlnmMl.Radiomics.Settings;

namespace OlnmMl.Radiomics.Tests.Processing;

public sealed class ProcessingTests
{
    private static RoiImage Roi(params float[] values) =>
        new(new GridSize(values.Length, 1, 1), new Vec3(1, 1, 1), values, values.Select(_ => true).ToArray(), values.Select(_ => true).ToArray());

    [Fact]
    public void Fixed_bin_number_maps_the_range_onto_levels_with_the_maximum_in_the_top_bin()
    {
        // N_g = 4 over [0, 8]: ⌊4x/8⌋ + 1 → 0→1, 1→1, 2→2, 5→3, 8→4 (clamped).
        var d = Discretiser.Discretise(Roi(0, 1, 2, 5, 8), new DiscretisationSettings(DiscretisationMethod.FixedBinNumber, BinCount: 4), null);
        Assert.Equal([1, 1, 2, 3, 4], d.GreyLevels);
        Assert.Equal(4, d.LevelCount);
    }

    [Fact]
    public void Fixed_bin_size_counts_bins_from_the_resegmentation_lower_bound()
    {
        // w = 25 from −500: −500→1, −476→1, −475→2, 0→21, 399→36.
        var d = Discretiser.Discretise(Roi(-500, -476, -475, 0, 399), new DiscretisationSettings(DiscretisationMethod.FixedBinSize, BinWidth: 25), -500);
        Assert.Equal([1, 1, 2, 21, 36], d.GreyLevels);
        Assert.Equal(36, d.LevelCount);
    }

    [Fact]
    public void Fixed_bin_size_from_zero_is_pyradiomics_bin_width_whatever_the_lower_bound()
    {
        // PyRadiomics ≥ 2, w = 25, x_min = −37: ⌊x/25⌋ − ⌊−37/25⌋ + 1 → −37→1, −26→1, −25→2, 3→3, 26→4; the IBSI
        // lower bound −37 would give −37→1, −26→1, −25→1, 3→2, 26→3.
        var fromZero = new DiscretisationSettings(DiscretisationMethod.FixedBinSize, BinWidth: 25, Origin: BinOrigin.Zero);
        var d = Discretiser.Discretise(Roi(-37, -26, -25, 3, 26), fromZero, -1000);
        var ibsi = Discretiser.Discretise(Roi(-37, -26, -25, 3, 26), fromZero with { Origin = BinOrigin.LowerBound }, null);
        Assert.Equal([1, 1, 2, 3, 4], d.GreyLevels);
        Assert.Equal([1, 1, 1, 2, 3], ibsi.GreyLevels);
    }

    [Fact]
    public void Constant_roi_discretises_to_one_level()
    {
        var d = Discretiser.Discretise(Roi(3, 3, 3), new DiscretisationSettings(DiscretisationMethod.FixedBinNumber, BinCount: 32), null);
        Assert.Equal([1, 1, 1], d.GreyLevels);
    }

    [Fact]
    public void No_discretisation_refuses_intensities_below_one()
    {
        var error = Assert.Throws<ArgumentException>(() => Discretiser.Discretise(Roi(-3, 2), DiscretisationSettings.Identity, null));
        Assert.Contains("'none'", error.Message);
    }

    [Fact]
    public void Range_then_outlier_resegmentation()
    {
        // Range [0, 100] drops −5 and 500; of {10 ×9, 100}: μ = 19, σ = 27 → μ + 3σ = 100, so 100 stays at k = 3 and goes at k = 2.
        float[] values = [-5, 500, 10, 10, 10, 10, 10, 10, 10, 10, 10, 100];
        var morphological = values.Select(_ => true).ToArray();
        var k3 = Resegmentation.IntensityMask(values, morphological, new ResegmentationSettings(0, 100, 3));
        var k2 = Resegmentation.IntensityMask(values, morphological, new ResegmentationSettings(0, 100, 2));
        Assert.Equal(10, k3.Count(v => v));
        Assert.Equal(9, k2.Count(v => v));
        Assert.False(k3[0] || k3[1]);
    }

    [Fact]
    public void Interpolation_keeps_the_grid_centre_and_counts_voxels_by_ceiling()
    {
        // 5 voxels of 1 mm resampled to 2 mm: ⌈5/2⌉ = 3 voxels centred on the original centre (index 2),
        // i.e. at original indices 0, 2, 4; a linear ramp is reproduced there and the 0.5 mask threshold keeps them.
        var geometry = ImageGeometry.AxisAligned(new GridSize(5, 5, 5), new Vec3(1, 1, 1));
        var image = Volume.Zeros(geometry);
        var mask = Volume.Zeros(geometry);
        for (var z = 0; z < 5; z++)
        {
            for (var y = 0; y < 5; y++)
            {
                for (var x = 0; x < 5; x++)
                {
                    image[x, y, z] = 10 * x;
                    mask[x, y, z] = 1;
                }
            }
        }

        var settings = TestData.LoadPreset("ibsi-digital-phantom") with { Interpolation = new InterpolationSettings(new Vec3(2, 2, 2)) };
        var roi = RoiPreparer.Prepare(image, mask, settings, 0, [])!;
        Assert.Equal(new GridSize(3, 3, 3), roi.Size);
        Assert.Equal([0f, 20f, 40f], roi.Intensities.Take(3));
        Assert.Equal(27, roi.MorphologicalCount);
    }
}
