using OlnmMl.Imaging.Geometry;
using OlnmMl.Radiomics.Texture;

namespace OlnmMl.Radiomics.Tests.Texture;

/// <summary>Degenerate ROIs give IBSI's conventions or NaN, never a crash; bad input names the problem.</summary>
public sealed class TextureEdgeCaseTests
{
    [Fact]
    public void Empty_roi_gives_every_feature_as_NaN()
    {
        var empty = TestRois.Volume(4, [[[0, 0], [0, 0]]]);
        foreach (var compute in PhantomTextureFamilies.ByReferenceName.Values)
        {
            var features = compute(empty);
            Assert.NotEmpty(features);
            Assert.All(features, f => Assert.True(double.IsNaN(f.Value), $"{f.Name} ({f.IbsiAggregation}) = {f.Value} on an empty ROI."));
        }
    }

    [Fact]
    public void Single_voxel_roi_follows_the_definitions()
    {
        // One voxel of grey level 3 inside a 3×3×3 grid: no co-occurring pair (GLCM undefined) and no
        // neighbour (NGTDM undefined); one run, zone and neighbourhood of size/length/dependence 1 at
        // distance 1, so the small-emphasis features and the percentages are exactly 1.
        var slices = new int[3][][];
        for (var z = 0; z < 3; z++)
        {
            slices[z] = [[0, 0, 0], [0, z == 1 ? 3 : 0, 0], [0, 0, 0]];
        }

        var roi = TestRois.Volume(4, slices);
        Assert.All(Glcm.Compute(roi), f => Assert.True(double.IsNaN(f.Value)));
        Assert.All(Ngtdm.Compute(roi), f => Assert.True(double.IsNaN(f.Value)));
        Assert.Equal(1, Glrlm.Compute(roi).Value("22OV", "IAZD"));
        Assert.Equal(1, Glrlm.Compute(roi).Value("9ZK5", "BTW3"));
        Assert.Equal(1, Glszm.Compute(roi).Value("5QRC", "KOBO"));
        Assert.Equal(1, Glszm.Compute(roi).Value("P30P", "8QNN"));
        Assert.Equal(1, Gldzm.Compute(roi).Value("0GBI", "KOBO"));
        Assert.Equal(1, Ngldm.Compute(roi).Value("SODN", "62GR"));
        Assert.Equal(9, Ngldm.Compute(roi).Value("OAE7", "KOBO"));
    }

    [Fact]
    public void Constant_intensity_uses_the_IBSI_conventions()
    {
        // A 3×3×3 cube of grey level 2: the GLCM is one cell (joint max 1, contrast 0, correlation
        // undefined); every NGTDM difference is 0, so coarseness takes IBSI's cap 10⁶ and contrast,
        // busyness, complexity and strength are 0 (N_g,p = 1, Σ s = 0).
        var roi = TestRois.Constant(3, 2, 4);
        var glcm = Glcm.Compute(roi);
        Assert.Equal(1, glcm.Value("GYBY", "IAZD"));
        Assert.Equal(0, glcm.Value("ACUI", "BTW3"));
        Assert.True(double.IsNaN(glcm.Value("NI2N", "ITBB")));
        var ngtdm = Ngtdm.Compute(roi);
        Assert.Equal(1e6, ngtdm.Value("QCDE", "KOBO"));
        foreach (var code in new[] { "65HE", "NQ30", "HDEZ", "1X9X" })
        {
            Assert.Equal(0, ngtdm.Value(code, "62GR"));
        }

        // One 27-voxel zone in 3D whose centre lies 2 steps from the edge: GLDZM distance 1 (the minimum).
        Assert.Equal(27.0 * 27, Glszm.Compute(roi).Value("48P8", "KOBO"));
        Assert.Equal(1, Gldzm.Compute(roi).Value("0GBI", "KOBO"));
    }

    [Fact]
    public void Averages_skip_matrices_where_a_feature_is_undefined()
    {
        // Slice 0: row 2 2 → one GLCM cell (σ = 0, correlation undefined, contrast 0).
        // Slice 1: row 1 2 → p12 = p21 = 0.5: μ = 1.5, σ² = 0.25, Σ i j p = 2 → correlation
        // = (2 − 1.5²)/0.25 = −1, contrast = 1. Only direction (1,0) has pairs in either slice, so the
        // 2D average of correlation is −1 (its one defined value) and of contrast (0 + 1)/2.
        var roi = TestRois.Volume(2, [[[2, 2]], [[1, 2]]]);
        var features = Glcm.Compute(roi);
        Assert.Equal(-1, features.Value("NI2N", "BTW3"), 1e-12);
        Assert.Equal(0.5, features.Value("ACUI", "BTW3"), 1e-12);
    }

    [Fact]
    public void Grey_level_above_the_level_count_is_rejected_with_its_position()
    {
        var roi = TestRois.Row(2, 1, 3);
        var error = Assert.Throws<ArgumentException>(() => Glcm.Compute(roi));
        Assert.Contains("GreyLevels holds 3 at voxel (1, 0, 0)", error.Message);
        Assert.Contains("LevelCount", error.Message);
    }

    [Fact]
    public void Arrays_that_do_not_fit_the_grid_are_rejected()
    {
        var roi = new DiscretisedRoi(new GridSize(2, 2, 1), new Vec3(1, 1, 1), [1, 1, 1], 2, [true, true, true, true]);
        var error = Assert.Throws<ArgumentException>(() => Ngldm.Compute(roi));
        Assert.Contains("GreyLevels must hold 4 voxels", error.Message);
    }

    [Fact]
    public void Invalid_settings_name_the_setting()
    {
        var roi = TestRois.Row(2, 1, 2);
        Assert.Contains("GlcmSettings.Distance", Assert.Throws<ArgumentOutOfRangeException>(() => Glcm.Compute(roi, new GlcmSettings { Distance = 0 })).Message);
        Assert.Contains("NgtdmSettings.Distance", Assert.Throws<ArgumentOutOfRangeException>(() => Ngtdm.Compute(roi, new NgtdmSettings { Distance = 0 })).Message);
        Assert.Contains("NgldmSettings.Coarseness", Assert.Throws<ArgumentOutOfRangeException>(() => Ngldm.Compute(roi, new NgldmSettings { Coarseness = -1 })).Message);
    }
}
