using OlnmMl.Radiomics.Settings;

namespace OlnmMl.Radiomics.Tests.Settings;

public sealed class RadiomicsSettingsYamlTests
{
    [Fact]
    public void Ct_c_preset_reads_as_ibsi_configuration_c()
    {
        var s = TestData.LoadPreset("ibsi-ct-c");
        Assert.Equal(new OlnmMl.Imaging.Geometry.Vec3(2, 2, 2), s.Interpolation!.Spacing);
        Assert.True(s.Interpolation.RoundIntensities);
        Assert.Equal((-1000.0, 400.0), (s.Resegmentation.RangeMin!.Value, s.Resegmentation.RangeMax!.Value));
        Assert.Equal(new DiscretisationSettings(DiscretisationMethod.FixedBinSize, BinWidth: 25), s.Texture);
        Assert.Equal(2.5, s.IntensityVolumeHistogram.BinWidth);
        Assert.Equal(["3d_avg", "3d_v_mrg"], s.Aggregations);
    }

    [Fact]
    public void Rich_preset_expands_to_27_images_and_over_1300_features()
    {
        // original + 5 LoG + 2 wavelets × 8 sub-bands + 5 simple filters = 27 images.
        var extractor = new OlnmMl.Radiomics.Extraction.RadiomicsExtractor(TestData.LoadPreset("rich"));
        var prefixes = extractor.FeatureNames.Select(n => n.Contains("_stat_", StringComparison.Ordinal) ? n[..n.IndexOf("_stat_", StringComparison.Ordinal)] : null)
            .Where(p => p is not null).Distinct().ToArray();
        Assert.Equal(27, prefixes.Length);
        Assert.True(extractor.FeatureNames.Count > 1300, $"{extractor.FeatureNames.Count} features");
    }

    [Theory]
    [InlineData("nmae: x", "line 1", "nmae")]
    [InlineData("discretisation:\n  texture: { method: fixed_bin_number }", "discretisation.texture.bins", "bins")]
    [InlineData("discretisation:\n  texture: { method: equal_width }", "discretisation.texture.method", "equal_width")]
    [InlineData("interpolation:\n  spacing: [1, 1]", "interpolation.spacing", "three positive")]
    [InlineData("resegmentation:\n  range: [400, -1000]", "resegmentation.range", "min < max")]
    [InlineData("families: [shape]", "families", "shape")]
    [InlineData("image_types:\n  - type: log", "image_types[0].sigmas_mm", "σ")]
    [InlineData("image_types:\n  - type: wavelet\n    wavelets: [db4]", "image_types[0].wavelets", "db4")]
    [InlineData("texture_aggregations: [3d]", "texture_aggregations", "3d")]
    [InlineData("names: pyrad", "names", "pyrad")]
    [InlineData("mask_label: 0", "mask_label", "positive")]
    [InlineData("discretisation:\n  texture: { method: fixed_bin_size, bin_width: 25, bin_origin: min }", "discretisation.texture.bin_origin", "min")]
    public void Invalid_recipe_names_the_source_key_and_problem(string yaml, string key, string detail)
    {
        var error = Assert.Throws<RadiomicsSettingsException>(() => RadiomicsSettingsYaml.Parse(yaml, "recipe.yaml"));
        Assert.StartsWith("recipe.yaml", error.Message);
        Assert.Contains(key, error.Message);
        Assert.Contains(detail, error.Message);
    }

    [Fact]
    public void Missing_file_is_named()
    {
        var error = Assert.Throws<RadiomicsSettingsException>(() => RadiomicsSettingsYaml.Load("/nonexistent/recipe.yaml"));
        Assert.Contains("/nonexistent/recipe.yaml", error.Message);
    }

    [Fact]
    public void Hash_depends_on_every_setting()
    {
        var s = TestData.LoadPreset("ibsi-ct-d");
        Assert.Equal(s.Hash(), TestData.LoadPreset("ibsi-ct-d").Hash());
        Assert.NotEqual(s.Hash(), (s with { Resegmentation = s.Resegmentation with { OutlierSigma = 2 } }).Hash());
    }

    [Fact]
    public void Defaults_of_the_pyradiomics_options_stay_out_of_the_hash_so_existing_caches_keep_their_keys()
    {
        var s = TestData.LoadPreset("ibsi-ct-d");
        var json = System.Text.Json.JsonSerializer.Serialize(s);

        Assert.DoesNotContain("\"Names\"", json);
        Assert.DoesNotContain("\"MaskLabel\"", json);
        Assert.DoesNotContain("\"Origin\"", json);
        Assert.NotEqual(s.Hash(), (s with { Names = FeatureNaming.PyRadiomics }).Hash());
        Assert.NotEqual(s.Hash(), (s with { MaskLabel = 1 }).Hash());
        Assert.NotEqual(s.Hash(), (s with { Texture = s.Texture with { Origin = BinOrigin.Zero } }).Hash());
    }

    [Fact]
    public void Naming_mask_label_and_bin_origin_are_recipe_keys()
    {
        var s = RadiomicsSettingsYaml.Parse(
            "names: pyradiomics\nmask_label: 2\ndiscretisation:\n  texture: { method: fixed_bin_size, bin_width: 10, bin_origin: zero }", "recipe.yaml");

        Assert.Equal(FeatureNaming.PyRadiomics, s.Names);
        Assert.Equal(2, s.MaskLabel);
        Assert.Equal(new DiscretisationSettings(DiscretisationMethod.FixedBinSize, BinWidth: 10, Origin: BinOrigin.Zero), s.Texture);
    }
}
