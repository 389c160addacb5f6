using System.Globalization;
using OlnmMl.Imaging.Geometry;
using OlnmMl.Radiomics.Extraction;
using OlnmMl.Radiomics.PyRadiomics;
using OlnmMl.Radiomics.Settings;

namespace OlnmMl.Radiomics.Tests.PyRadiomics;

/// <summary>
/// PyRadiomics parameter files (fixtures in Data/pyradiomics, written from the schema and defaults of PyRadiomics'
/// docs/customization.rst) converted to recipes: the values, the defaults taken, the "no equivalent" lines, the
/// written recipe, and an extraction on the IBSI digital phantom checked against IBSI's reference values.
/// </summary>
public sealed class PyRadiomicsParamsTests
{
    private static string Fixture(string name) => Path.Combine(TestData.RepositoryRoot, "tests", "OlnmMl.Radiomics.Tests", "Data", "pyradiomics", name);

    [Fact]
    public void Params_yaml_becomes_the_original_image_binned_from_zero_with_pyradiomics_classes_and_names()
    {
        var import = PyRadiomicsParams.Load(Fixture("Params.yaml"));
        var s = import.Settings;

        var binWidth25FromZero = new DiscretisationSettings(DiscretisationMethod.FixedBinSize, BinWidth: 25, Origin: BinOrigin.Zero);
        Assert.Equal("Params", s.Name);
        Assert.Null(s.Interpolation);
        Assert.Equal(ResegmentationSettings.None, s.Resegmentation);
        Assert.Equal(binWidth25FromZero, s.Texture);
        Assert.Equal(binWidth25FromZero, s.Histogram);
        Assert.Equal(binWidth25FromZero, s.Filtered);
        Assert.Equal([ImageFilterKind.Original], s.ImageTypes.Select(t => t.Kind));
        Assert.Equal(["morph", "stat", "ih", "glcm", "glrlm", "glszm", "ngldm"], s.Families);
        Assert.Equal(1, s.TextureDistance);
        Assert.Equal(["3d_avg"], s.Aggregations);
        Assert.Equal(FeatureNaming.PyRadiomics, s.Names);
        Assert.Equal(1, s.MaskLabel);
        var note = Assert.Single(import.Notes);
        Assert.StartsWith("featureClass glcm [Autocorrelation, JointAverage,", note);
        Assert.EndsWith("SumSquares]: single features cannot be selected, the whole class is extracted", note);
        Assert.Equal(["force2D False", "distances [1]", "symmetricalGLCM True", "gldm_a 0", "voxelArrayShift 0", "normalize False"], import.Defaults);
    }

    [Fact]
    public void ExampleCT_maps_resampling_resegmentation_and_filters_and_lists_what_has_no_equivalent()
    {
        var import = PyRadiomicsParams.Load(Fixture("exampleCT.yaml"));
        var s = import.Settings;

        Assert.Equal(new InterpolationSettings(new Vec3(1, 1, 1), Image: ImageInterpolation.CubicSpline), s.Interpolation);
        Assert.Equal(new ResegmentationSettings(-1000, 400), s.Resegmentation);
        Assert.Equal([ImageFilterKind.Original, ImageFilterKind.LaplacianOfGaussian, ImageFilterKind.Wavelet], s.ImageTypes.Select(t => t.Kind));
        Assert.Equal([1.0, 2, 3, 4, 5], s.ImageTypes[1].SigmasMm);
        Assert.Equal(["coif1"], s.ImageTypes[2].Wavelets);
        Assert.Equal(["morph", "stat", "ih", "glcm", "glrlm", "glszm", "ngtdm", "ngldm"], s.Families);
        Assert.Equal(
            [
                "setting interpolator sitkBSpline: cubic, the tricubic B-spline with the interpolating prefilter (as SimpleITK's order-3 B-spline)",
                "setting resampledPixelSpacing: resampled on the IBSI grid",
                "imageType LBP3D: no equivalent, skipped",
                "setting resegmentRange: re-segments the original image only; PyRadiomics uses the re-segmented mask on filtered images too",
                "setting voxelArrayShift 1000: no equivalent (Energy and RootMeanSquared are computed without a shift), skipped",
                "setting padDistance 10: no equivalent, skipped",
                "voxelSetting: no equivalent (voxel-based feature maps), skipped",
            ],
            import.Notes.Select(n => n.StartsWith("setting resampledPixelSpacing", StringComparison.Ordinal) ? n[..n.IndexOf(" (", StringComparison.Ordinal)] : n));
        Assert.Contains("resegmentMode absolute", import.Defaults);
        Assert.Contains("wavelet coif1", import.Defaults);
        Assert.DoesNotContain(import.Defaults, d => d.StartsWith("binWidth", StringComparison.Ordinal) || d.StartsWith("label", StringComparison.Ordinal));
    }

    [Fact]
    public void A_silent_file_takes_pyradiomics_defaults_and_the_written_recipe_names_them_and_reads_back_unchanged()
    {
        using var folder = new TempFolder();
        var parameters = folder.File("minimal.yaml");
        File.WriteAllText(parameters, "imageType:\n  Original: {}\n  LBP2D: {}\n");
        var recipe = folder.File("recipe.yaml");

        var import = RadiomicsCommands.ImportSettings(parameters, recipe);

        Assert.Equal(new DiscretisationSettings(DiscretisationMethod.FixedBinSize, BinWidth: 25, Origin: BinOrigin.Zero), import.Settings.Texture);
        Assert.Equal(1, import.Settings.MaskLabel);
        Assert.Equal(["morph", "stat", "ih", "glcm", "glrlm", "glszm", "ngtdm", "ngldm"], import.Settings.Families);
        var text = File.ReadAllText(recipe);
        var header = text.Split('\n').Single(l => l.StartsWith("# PyRadiomics defaults taken", StringComparison.Ordinal));
        Assert.Contains("binWidth 25", header);
        Assert.Contains("label 1", header);
        Assert.Contains("resampledPixelSpacing None (no resampling)", header);
        Assert.Contains("# Not converted exactly: imageType LBP2D: no equivalent, skipped", text);
        var reread = RadiomicsSettingsYaml.Load(recipe);
        Assert.Equal(import.Settings.Hash(), reread.Hash());
        Assert.Equal("minimal", reread.Name);
    }

    [Fact]
    public void A_parameter_file_is_accepted_wherever_a_recipe_is_read()
    {
        var direct = RadiomicsSettingsYaml.Load(Fixture("exampleCT.yaml"));

        Assert.Equal(PyRadiomicsParams.Load(Fixture("exampleCT.yaml")).Settings.Hash(), direct.Hash());
    }

    [Fact]
    public void Force2D_and_weighting_pick_the_one_aggregation_pyradiomics_computes()
    {
        static string Aggregation(string settings) => Assert.Single(PyRadiomicsParams.Parse("setting:\n" + settings, "p.yaml").Settings.Aggregations);

        Assert.Equal("3d_v_mrg", Aggregation("  weightingNorm: no_weighting"));
        Assert.Equal("2_5d_d_mrg", Aggregation("  force2D: true"));
        Assert.Equal("2_5d_v_mrg", Aggregation("  force2D: true\n  weightingNorm: euclidean"));
    }

    [Fact]
    public void BinCount_is_a_fixed_bin_number_and_sigma_mode_a_symmetric_outlier_filter()
    {
        var s = PyRadiomicsParams.Parse("setting:\n  binCount: 16\n  resegmentRange: [-3, 3]\n  resegmentMode: sigma\n  resampledPixelSpacing: [2, 2, 0]\n  interpolator: sitkLinear", "p.yaml").Settings;

        Assert.Equal(new DiscretisationSettings(DiscretisationMethod.FixedBinNumber, BinCount: 16), s.Texture);
        Assert.Equal(new ResegmentationSettings(OutlierSigma: 3), s.Resegmentation);
        Assert.True(s.Interpolation!.InPlaneOnly);
        Assert.Equal(ImageInterpolation.Linear, s.Interpolation.Image);
    }

    [Theory]
    [InlineData("setting:\n  binWidth: abc", "line 2: 'setting.binWidth' must be a number, got abc")]
    [InlineData("setting:\n  binWidth: 0", "line 2: 'setting.binWidth' must be positive, got 0")]
    [InlineData("setting:\n  resampledPixelSpacing: [1, 1]", "line 2: 'setting.resampledPixelSpacing' must be three spacings")]
    [InlineData("setting:\n  interpolator: sitkCubic", "line 2: 'setting.interpolator' unknown interpolator 'sitkCubic'")]
    [InlineData("setting:\n  resegmentRange: [400, -1000]", "line 2: 'setting.resegmentRange' must be [min, max] with min < max")]
    [InlineData("setting:\n  label: 0", "line 2: 'setting.label' must be a positive mask value, got 0")]
    [InlineData("imageType:\n  Original: {}\n  Sobel: {}", "'imageType' unknown image type 'Sobel'")]
    [InlineData("featureClass:\n  glcmm:", "'featureClass' unknown feature class 'glcmm'")]
    [InlineData("setting: [1, 2]", "line 1: 'setting' must be a mapping")]
    [InlineData("setting:\n  force2D: maybe", "line 2: 'setting.force2D' must be True or False, got maybe")]
    public void A_bad_parameter_file_is_one_line_naming_the_file_and_key(string yaml, string expected)
    {
        var error = Assert.Throws<RadiomicsSettingsException>(() => RadiomicsSettingsYaml.Parse(yaml, "params.yaml"));

        Assert.StartsWith("params.yaml: ", error.Message);
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Extraction_with_a_parameter_file_on_the_ibsi_phantom_gives_pyradiomics_columns_with_ibsi_reference_values()
    {
        using var folder = new TempFolder();
        var output = folder.File("features.csv");

        RadiomicsCommands.Extract(TestData.PhantomImage, TestData.PhantomMask, Fixture("phantom.yaml"), output);

        var values = File.ReadAllLines(output).Skip(1).Select(l => l.Split(','))
            .ToDictionary(c => c[0], c => double.Parse(c[3], CultureInfo.InvariantCulture));
        // IBSI 1 digital phantom references (reference_values.csv): mean Q4LE, sphericity QCFX, GLCM energy 8ZQL
        // (3D averaged), SRE 22OV (3D averaged), zone size entropy GU8N (3D), coarseness QCDE (3D), NGLDM HDE IMOQ (3D).
        Assert.Equal(2.15, values["original_firstorder_Mean"], 0.005);
        Assert.Equal(0.843, values["original_shape_Sphericity"], 0.005);
        Assert.Equal(0.303, values["original_glcm_JointEnergy"], 0.0005);
        Assert.Equal(0.705, values["original_glrlm_ShortRunEmphasis"], 0.0005);
        Assert.Equal(2.32, values["original_glszm_ZoneEntropy"], 0.005);
        Assert.Equal(0.0296, values["original_ngtdm_Coarseness"], 0.00005);
        Assert.Equal(109, values["original_gldm_LargeDependenceEmphasis"], 0.5);
        Assert.Contains("original_morph_moran_i", values.Keys);
        Assert.DoesNotContain(values.Keys, k => k.StartsWith("original_glcm_joint_", StringComparison.Ordinal));
    }
}
