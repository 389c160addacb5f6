using OlnmMl.Imaging;
using OlnmMl.Imaging.Geometry;
using OlnmMl.Radiomics.Extraction;
using OlnmMl.Radiomics.Settings;

namespace OlnmMl.Radiomics.Tests.Extraction;

/// <summary>Degenerate inputs give defined values (IBSI conventions or NaN with a warning), never an exception.</summary>
public sealed class BadInputTests
{
    private static readonly RadiomicsSettings Settings = TestData.LoadPreset("ibsi-digital-phantom") with
    {
        Families = ["morph", "loc", "stat", "ih", "ivh", "glcm"],
    };

    private static readonly RadiomicsExtractor Extractor = new(Settings);

    private static (Volume Image, Volume Mask) Grid(Func<int, int, int, float> intensity, Func<int, int, int, bool> inside, Vec3? spacing = null)
    {
        var geometry = ImageGeometry.AxisAligned(GridSize.Cube(8), spacing ?? new Vec3(1, 1, 1));
        var image = Volume.Zeros(geometry);
        var mask = Volume.Zeros(geometry);
        for (var z = 0; z < 8; z++)
        {
            for (var y = 0; y < 8; y++)
            {
                for (var x = 0; x < 8; x++)
                {
                    image[x, y, z] = intensity(x, y, z);
                    mask[x, y, z] = inside(x, y, z) ? 1 : 0;
                }
            }
        }

        return (image, mask);
    }

    private static Dictionary<string, double> Values(FeatureSet set) => set.Features.ToDictionary(f => f.Name, f => f.Value);

    [Fact]
    public void Empty_mask_gives_every_feature_nan_and_a_warning()
    {
        var (image, mask) = Grid((x, y, z) => 1 + x, (_, _, _) => false);
        var set = Extractor.Extract(image, mask);
        Assert.Equal(Extractor.FeatureNames, set.Features.Select(f => f.Name));
        Assert.All(set.Features, f => Assert.True(double.IsNaN(f.Value), f.Name));
        Assert.Contains(set.Warnings, w => w.Contains("empty", StringComparison.Ordinal));
    }

    [Fact]
    public void One_voxel_mask_gives_the_octahedron_and_degenerate_statistics()
    {
        var (image, mask) = Grid((x, y, z) => 1 + (x + y + z) % 3, (x, y, z) => x == 4 && y == 4 && z == 4, new Vec3(2, 2, 2));
        var v = Values(Extractor.Extract(image, mask));
        Assert.Equal(8.0 / 6, v["original_morph_volume"], 9); // octahedron volume 1/6 of the 2 mm voxel
        Assert.Equal(8.0, v["original_morph_approx_volume"], 9);
        Assert.Equal(0, v["original_stat_variance"]);
        Assert.Equal(0, v["original_stat_skewness"]); // IBSI: σ = 0 → 0
        Assert.Equal(1, v["original_ih_uniformity"]);
        Assert.True(double.IsNaN(v["original_morph_moran_i"])); // needs two voxels
        Assert.Equal(image[4, 4, 4], v["original_stat_mean"]);
    }

    [Fact]
    public void Constant_intensity_gives_zero_spread_and_undefined_autocorrelation()
    {
        var (image, mask) = Grid((_, _, _) => 3, (x, y, z) => x is > 1 and < 6 && y is > 1 and < 6 && z is > 1 and < 6);
        var v = Values(Extractor.Extract(image, mask));
        Assert.Equal(3, v["original_stat_mean"]);
        Assert.Equal(0, v["original_stat_kurtosis"]);
        Assert.Equal(0, v["original_ih_entropy"]);
        Assert.Equal(3, v["original_loc_peak_global"]);
        Assert.True(double.IsNaN(v["original_morph_geary_c"]));
        Assert.Equal(1, v["original_morph_v_dens_conv_hull"], 9); // a box is convex
    }

    [Fact]
    public void Nan_voxels_leave_the_intensity_mask_with_a_warning()
    {
        // 4³ block with intensity 2, except one NaN voxel: the mean stays 2, 63 voxels remain.
        var (image, mask) = Grid((x, y, z) => x == 3 && y == 3 && z == 3 ? float.NaN : 2, (x, y, z) => x is > 1 and < 6 && y is > 1 and < 6 && z is > 1 and < 6);
        var set = Extractor.Extract(image, mask);
        var v = Values(set);
        Assert.Equal(2, v["original_stat_mean"]);
        Assert.Equal(63 * 4, v["original_stat_energy"]);
        Assert.Equal(64, v["original_morph_approx_volume"]); // morphology keeps the voxel
        Assert.Contains(set.Warnings, w => w.Contains("non-finite", StringComparison.Ordinal));
    }

    [Fact]
    public void Mask_off_the_image_grid_gives_nan_and_warnings()
    {
        var (image, _) = Grid((_, _, _) => 1, (_, _, _) => false);
        var farAway = ImageGeometry.AxisAligned(GridSize.Cube(4), new Vec3(1, 1, 1), new Vec3(500, 500, 500));
        var mask = new Volume(farAway, Enumerable.Repeat(1f, 64).ToArray());
        var set = Extractor.Extract(image, mask);
        Assert.All(set.Features, f => Assert.True(double.IsNaN(f.Value)));
        Assert.Contains(set.Warnings, w => w.Contains("differs from the image grid", StringComparison.Ordinal));
        Assert.Contains(set.Warnings, w => w.Contains("empty", StringComparison.Ordinal));
    }

    [Fact]
    public void Mirrored_phantom_gives_the_same_features()
    {
        var image = OlnmMl.Imaging.IO.VolumeIO.Read(TestData.PhantomImage);
        var mask = OlnmMl.Imaging.IO.VolumeIO.Read(TestData.PhantomMask);
        var original = Values(Extractor.Extract(image, mask));
        foreach (var axis in new[] { 0, 1, 2 })
        {
            var mirrored = Values(Extractor.Extract(Mirror(image, axis), Mirror(mask, axis)));
            foreach (var (name, value) in original.Where(p => !p.Key.Contains("_2d", StringComparison.Ordinal) && !p.Key.Contains("_2_5d", StringComparison.Ordinal)))
            {
                Assert.True(Math.Abs(mirrored[name] - value) <= 1e-9 * Math.Max(1, Math.Abs(value)), $"{name} on axis {axis}: {value} vs {mirrored[name]}");
            }
        }
    }

    private static Volume Mirror(Volume volume, int axis)
    {
        var size = volume.Size;
        var output = Volume.Zeros(volume.Geometry);
        for (var z = 0; z < size.Z; z++)
        {
            for (var y = 0; y < size.Y; y++)
            {
                for (var x = 0; x < size.X; x++)
                {
                    output[x, y, z] = axis switch
                    {
                        0 => volume[size.X - 1 - x, y, z],
                        1 => volume[x, size.Y - 1 - y, z],
                        _ => volume[x, y, size.Z - 1 - z],
                    };
                }
            }
        }

        return output;
    }
}
