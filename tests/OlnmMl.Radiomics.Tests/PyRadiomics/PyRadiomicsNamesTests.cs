using OlnmMl.Imaging.Geometry;
using OlnmMl.Radiomics.Extraction;
using OlnmMl.Radiomics.PyRadiomics;
using OlnmMl.Radiomics.Settings;

namespace OlnmMl.Radiomics.Tests.PyRadiomics;

/// <summary>
/// The PyRadiomics name table against PyRadiomics 3.x's own feature list (its "Radiomic Features" documentation,
/// one get…FeatureValue per feature in radiomics/firstorder.py, shape.py, glcm.py, glrlm.py, glszm.py, gldm.py,
/// ngtdm.py), and the names an extractor gives.
/// </summary>
public sealed class PyRadiomicsNamesTests
{
    private static readonly string[] PyRadiomicsFeatures =
    [
        .. Class("firstorder", "Energy", "TotalEnergy", "Entropy", "Minimum", "10Percentile", "90Percentile", "Maximum", "Mean", "Median",
            "InterquartileRange", "Range", "MeanAbsoluteDeviation", "RobustMeanAbsoluteDeviation", "RootMeanSquared", "StandardDeviation",
            "Skewness", "Kurtosis", "Variance", "Uniformity"),
        .. Class("shape", "MeshVolume", "VoxelVolume", "SurfaceArea", "SurfaceVolumeRatio", "Sphericity", "Compactness1", "Compactness2",
            "SphericalDisproportion", "Maximum3DDiameter", "Maximum2DDiameterSlice", "Maximum2DDiameterColumn", "Maximum2DDiameterRow",
            "MajorAxisLength", "MinorAxisLength", "LeastAxisLength", "Elongation", "Flatness"),
        .. Class("glcm", "Autocorrelation", "JointAverage", "ClusterProminence", "ClusterShade", "ClusterTendency", "Contrast", "Correlation",
            "DifferenceAverage", "DifferenceEntropy", "DifferenceVariance", "JointEnergy", "JointEntropy", "Imc1", "Imc2", "Idm", "MCC", "Idmn",
            "Id", "Idn", "InverseVariance", "MaximumProbability", "SumAverage", "SumEntropy", "SumSquares"),
        .. Class("glrlm", "ShortRunEmphasis", "LongRunEmphasis", "GrayLevelNonUniformity", "GrayLevelNonUniformityNormalized",
            "RunLengthNonUniformity", "RunLengthNonUniformityNormalized", "RunPercentage", "GrayLevelVariance", "RunVariance", "RunEntropy",
            "LowGrayLevelRunEmphasis", "HighGrayLevelRunEmphasis", "ShortRunLowGrayLevelEmphasis", "ShortRunHighGrayLevelEmphasis",
            "LongRunLowGrayLevelEmphasis", "LongRunHighGrayLevelEmphasis"),
        .. Class("glszm", "SmallAreaEmphasis", "LargeAreaEmphasis", "GrayLevelNonUniformity", "GrayLevelNonUniformityNormalized",
            "SizeZoneNonUniformity", "SizeZoneNonUniformityNormalized", "ZonePercentage", "GrayLevelVariance", "ZoneVariance", "ZoneEntropy",
            "LowGrayLevelZoneEmphasis", "HighGrayLevelZoneEmphasis", "SmallAreaLowGrayLevelEmphasis", "SmallAreaHighGrayLevelEmphasis",
            "LargeAreaLowGrayLevelEmphasis", "LargeAreaHighGrayLevelEmphasis"),
        .. Class("gldm", "SmallDependenceEmphasis", "LargeDependenceEmphasis", "GrayLevelNonUniformity", "DependenceNonUniformity",
            "DependenceNonUniformityNormalized", "GrayLevelVariance", "DependenceVariance", "DependenceEntropy", "LowGrayLevelEmphasis",
            "HighGrayLevelEmphasis", "SmallDependenceLowGrayLevelEmphasis", "SmallDependenceHighGrayLevelEmphasis",
            "LargeDependenceLowGrayLevelEmphasis", "LargeDependenceHighGrayLevelEmphasis"),
        .. Class("ngtdm", "Coarseness", "Contrast", "Busyness", "Complexity", "Strength"),
    ];

    [Fact]
    public void Every_pyradiomics_feature_is_mapped_once_or_listed_as_not_computed()
    {
        var mapped = PyRadiomicsNames.Table.Values.Select(v => $"{v.Class}_{v.Feature}").ToList();

        Assert.Equal(mapped.Count, mapped.Distinct().Count());
        Assert.Empty(mapped.Intersect(PyRadiomicsNames.NotComputed.Keys));
        Assert.Equal(PyRadiomicsFeatures.Order(), mapped.Concat(PyRadiomicsNames.NotComputed.Keys).Order());
    }

    [Fact]
    public void An_extractor_gives_every_mapped_name_once_and_keeps_ibsi_names_for_the_rest()
    {
        var settings = TestData.LoadPreset("ibsi-ct-d") with { Families = FeatureFamilies.All, Names = FeatureNaming.PyRadiomics };

        var names = new RadiomicsExtractor(settings).FeatureNames;

        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Equal([], PyRadiomicsNames.Table.Values.Select(v => $"original_{v.Class}_{v.Feature}").Except(names));
        Assert.Contains("original_loc_peak_local", names);
        Assert.Contains("original_glcm_joint_max_3d_v_mrg", names);
        Assert.DoesNotContain("original_glcm_joint_max_3d_avg", names);
    }

    [Fact]
    public void Filtered_images_take_pyradiomics_prefixes()
    {
        var settings = new RadiomicsSettings(
            "filters", new InterpolationSettings(new Vec3(2, 2, 2)), ResegmentationSettings.None,
            new DiscretisationSettings(DiscretisationMethod.FixedBinNumber), new DiscretisationSettings(DiscretisationMethod.FixedBinNumber),
            DiscretisationSettings.Identity, new DiscretisationSettings(DiscretisationMethod.FixedBinNumber),
            [new ImageTypeSettings(ImageFilterKind.LaplacianOfGaussian, [2.5, 3], []), new ImageTypeSettings(ImageFilterKind.Wavelet, [], ["coif1"]),
             new ImageTypeSettings(ImageFilterKind.SquareRoot, [], [])],
            [FeatureFamilies.Statistics, "glszm"], TextureAggregations: ["3d_avg"], Names: FeatureNaming.PyRadiomics);

        var names = new RadiomicsExtractor(settings).FeatureNames;

        Assert.Contains("log-sigma-2-5-mm-3D_firstorder_Mean", names);
        Assert.Contains("log-sigma-3-0-mm-3D_glszm_ZoneEntropy", names);
        Assert.Contains("wavelet-LLH_firstorder_Mean", names);
        Assert.Contains("wavelet-HHH_glszm_ZoneEntropy", names);
        Assert.Contains("squareroot_firstorder_Median", names);
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    private static IEnumerable<string> Class(string name, params string[] features) => features.Select(f => $"{name}_{f}");
}
