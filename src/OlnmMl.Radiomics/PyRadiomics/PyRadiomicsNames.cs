using System.Globalization;
using OlnmMl.Radiomics.Settings;

namespace OlnmMl.Radiomics.PyRadiomics;

/// <summary>
/// The one table from our features (family, IBSI code) to PyRadiomics 3.x names (<c>{image type}_{class}_{Feature}</c>).
/// Classes: firstorder ← stat and ih (Entropy, Uniformity: PyRadiomics computes them on its discretised image);
/// shape ← morph; glcm, glrlm, glszm, ngtdm ← the same; gldm ← ngldm. A PyRadiomics name is given to the recipe's first
/// texture aggregation only (PyRadiomics computes one: 3D averaged over directions, or merged with
/// <c>weightingNorm</c>, 2.5D with <c>force2D</c>); other aggregations and features PyRadiomics lacks (local intensity,
/// IVH, GLDZM, most morphology, …) keep their IBSI names.
/// Where PyRadiomics computes a mapped feature differently from IBSI:
/// <list type="bullet">
/// <item>firstorder Kurtosis is PyRadiomics' plain kurtosis μ₄/σ⁴; ours (IBSI IPH6) is the excess kurtosis, 3 less.</item>
/// <item>firstorder Energy and RootMeanSquared add PyRadiomics' <c>voxelArrayShift</c> (default 0) to intensities; ours never do.</item>
/// <item>shape features are computed on PyRadiomics' mask after nearest-neighbour resampling; ours on the IBSI
/// interpolated mask (trilinear, threshold 0.5).</item>
/// </list>
/// </summary>
public static class PyRadiomicsNames
{
    /// <summary>(our family, IBSI code) → (PyRadiomics class, PyRadiomics feature name).</summary>
    public static IReadOnlyDictionary<(string Family, string IbsiCode), (string Class, string Feature)> Table { get; } = Build();

    /// <summary>
    /// PyRadiomics 3.x features (firstorder, shape, glcm, glrlm, glszm, gldm, ngtdm) that we do not compute, with the reason.
    /// </summary>
    public static IReadOnlyDictionary<string, string> NotComputed { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["firstorder_TotalEnergy"] = "not an IBSI feature (Energy × voxel volume)",
        ["firstorder_StandardDeviation"] = "not an IBSI feature (the square root of Variance)",
        ["shape_Maximum2DDiameterSlice"] = "not an IBSI feature",
        ["shape_Maximum2DDiameterColumn"] = "not an IBSI feature",
        ["shape_Maximum2DDiameterRow"] = "not an IBSI feature",
        ["glcm_MCC"] = "not an IBSI feature (maximal correlation coefficient)",
    };

    /// <summary>PyRadiomics' feature class of our family, or null where PyRadiomics has none.</summary>
    public static string? ClassOf(string family) => family switch
    {
        FeatureFamilies.Statistics or FeatureFamilies.Histogram => "firstorder",
        FeatureFamilies.Morphology => "shape",
        "glcm" or "glrlm" or "glszm" or "ngtdm" => family,
        "ngldm" => "gldm",
        _ => null,
    };

    /// <summary>
    /// PyRadiomics' image-type prefix: <c>original</c>, <c>log-sigma-{σ}-mm-3D</c> (σ written as Python writes a float,
    /// "1-0", "2-5"), <c>wavelet-{sub-band}</c> (the wavelet's name is added, <c>wavelet-haar-LLH</c>, when the recipe
    /// has several), <c>square</c>, <c>squareroot</c>, <c>logarithm</c>, <c>exponential</c>, <c>gradient</c>.
    /// </summary>
    public static string ImagePrefix(ImageTypeSettings type, int index, int waveletCount) => type.Kind switch
    {
        ImageFilterKind.Original => "original",
        ImageFilterKind.LaplacianOfGaussian => "log-sigma-" + type.SigmasMm[index].ToString("0.0###", CultureInfo.InvariantCulture).Replace('.', '-') + "-mm-3D",
        ImageFilterKind.Wavelet => waveletCount > 1
            ? $"wavelet-{type.Wavelets[index / 8]}-{Filters.Wavelet.SubBands[index % 8]}"
            : $"wavelet-{Filters.Wavelet.SubBands[index % 8]}",
        ImageFilterKind.Square => "square",
        ImageFilterKind.SquareRoot => "squareroot",
        ImageFilterKind.Logarithm => "logarithm",
        ImageFilterKind.Exponential => "exponential",
        ImageFilterKind.Gradient => "gradient",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type.Kind, "Unknown image filter."),
    };

    /// <summary>
    /// The PyRadiomics name <c>{prefix}_{class}_{Feature}</c> of one of our features, or null where PyRadiomics has no such
    /// feature or computes it under another aggregation than <paramref name="aggregations"/>' first.
    /// </summary>
    public static string? Name(string pyRadiomicsPrefix, string family, string ibsiCode, string ibsiAggregation, IReadOnlyList<string> aggregations) =>
        Table.TryGetValue((family, ibsiCode), out var name) && IsComputedAggregation(ibsiAggregation, aggregations)
            ? $"{pyRadiomicsPrefix}_{name.Class}_{name.Feature}"
            : null;

    // PyRadiomics computes one aggregation per texture class: the recipe's first directional one, or for the zone
    // families the dimensions it names; features without aggregation always match.
    private static bool IsComputedAggregation(string ibsiAggregation, IReadOnlyList<string> aggregations)
    {
        if (ibsiAggregation.Length == 0)
        {
            return true;
        }

        var first = aggregations[0];
        var zone = first.StartsWith("2d", StringComparison.Ordinal) ? "2d" : first.StartsWith("2_5d", StringComparison.Ordinal) ? "2_5d" : "3d";
        var suffix = TextureAggregationNames.Suffix(ibsiAggregation);
        return suffix == first || suffix == zone;
    }

    private static Dictionary<(string, string), (string, string)> Build()
    {
        var table = new Dictionary<(string, string), (string, string)>();
        void Add(string family, string pyClass, params (string Code, string Feature)[] features)
        {
            foreach (var (code, feature) in features)
            {
                table.Add((family, code), (pyClass, feature));
            }
        }

        Add(FeatureFamilies.Statistics, "firstorder",
            ("N8CA", "Energy"), ("1GSF", "Minimum"), ("QG58", "10Percentile"), ("8DWT", "90Percentile"), ("84IY", "Maximum"),
            ("Q4LE", "Mean"), ("Y12H", "Median"), ("SALO", "InterquartileRange"), ("2OJQ", "Range"), ("4FUA", "MeanAbsoluteDeviation"),
            ("1128", "RobustMeanAbsoluteDeviation"), ("5ZWQ", "RootMeanSquared"), ("KE2A", "Skewness"), ("IPH6", "Kurtosis"),
            ("ECT3", "Variance"));
        Add(FeatureFamilies.Histogram, "firstorder", ("TLU2", "Entropy"), ("BJ5W", "Uniformity"));
        Add(FeatureFamilies.Morphology, "shape",
            ("RNU0", "MeshVolume"), ("YEKZ", "VoxelVolume"), ("C0JK", "SurfaceArea"), ("2PR5", "SurfaceVolumeRatio"),
            ("QCFX", "Sphericity"), ("SKGS", "Compactness1"), ("BQWJ", "Compactness2"), ("KRCK", "SphericalDisproportion"),
            ("L0JK", "Maximum3DDiameter"), ("TDIC", "MajorAxisLength"), ("P9VJ", "MinorAxisLength"), ("7J51", "LeastAxisLength"),
            ("Q3CK", "Elongation"), ("N17B", "Flatness"));
        Add("glcm", "glcm",
            ("QWB0", "Autocorrelation"), ("60VM", "JointAverage"), ("AE86", "ClusterProminence"), ("7NFM", "ClusterShade"),
            ("DG8W", "ClusterTendency"), ("ACUI", "Contrast"), ("NI2N", "Correlation"), ("TF7R", "DifferenceAverage"),
            ("NTRS", "DifferenceEntropy"), ("D3YU", "DifferenceVariance"), ("8ZQL", "JointEnergy"), ("TU9B", "JointEntropy"),
            ("R8DG", "Imc1"), ("JN9H", "Imc2"), ("WF0Z", "Idm"), ("1QCO", "Idmn"), ("IB1Z", "Id"), ("NDRX", "Idn"),
            ("E8JP", "InverseVariance"), ("GYBY", "MaximumProbability"), ("ZGXS", "SumAverage"), ("P6QZ", "SumEntropy"),
            ("UR99", "SumSquares"));
        Add("glrlm", "glrlm",
            ("22OV", "ShortRunEmphasis"), ("W4KF", "LongRunEmphasis"), ("R5YN", "GrayLevelNonUniformity"),
            ("OVBL", "GrayLevelNonUniformityNormalized"), ("W92Y", "RunLengthNonUniformity"), ("IC23", "RunLengthNonUniformityNormalized"),
            ("9ZK5", "RunPercentage"), ("8CE5", "GrayLevelVariance"), ("SXLW", "RunVariance"), ("HJ9O", "RunEntropy"),
            ("V3SW", "LowGrayLevelRunEmphasis"), ("G3QZ", "HighGrayLevelRunEmphasis"), ("HTZT", "ShortRunLowGrayLevelEmphasis"),
            ("GD3A", "ShortRunHighGrayLevelEmphasis"), ("IVPO", "LongRunLowGrayLevelEmphasis"), ("3KUM", "LongRunHighGrayLevelEmphasis"));
        Add("glszm", "glszm",
            ("5QRC", "SmallAreaEmphasis"), ("48P8", "LargeAreaEmphasis"), ("JNSA", "GrayLevelNonUniformity"),
            ("Y1RO", "GrayLevelNonUniformityNormalized"), ("4JP3", "SizeZoneNonUniformity"), ("VB3A", "SizeZoneNonUniformityNormalized"),
            ("P30P", "ZonePercentage"), ("BYLV", "GrayLevelVariance"), ("3NSA", "ZoneVariance"), ("GU8N", "ZoneEntropy"),
            ("XMSY", "LowGrayLevelZoneEmphasis"), ("5GN9", "HighGrayLevelZoneEmphasis"), ("5RAI", "SmallAreaLowGrayLevelEmphasis"),
            ("HW1V", "SmallAreaHighGrayLevelEmphasis"), ("YH51", "LargeAreaLowGrayLevelEmphasis"), ("J17V", "LargeAreaHighGrayLevelEmphasis"));
        Add("ngldm", "gldm",
            ("SODN", "SmallDependenceEmphasis"), ("IMOQ", "LargeDependenceEmphasis"), ("FP8K", "GrayLevelNonUniformity"),
            ("Z87G", "DependenceNonUniformity"), ("OKJI", "DependenceNonUniformityNormalized"), ("1PFV", "GrayLevelVariance"),
            ("DNX2", "DependenceVariance"), ("FCBV", "DependenceEntropy"), ("TL9H", "LowGrayLevelEmphasis"),
            ("OAE7", "HighGrayLevelEmphasis"), ("EQ3F", "SmallDependenceLowGrayLevelEmphasis"), ("JA6D", "SmallDependenceHighGrayLevelEmphasis"),
            ("NBZI", "LargeDependenceLowGrayLevelEmphasis"), ("9QMG", "LargeDependenceHighGrayLevelEmphasis"));
        Add("ngtdm", "ngtdm", ("QCDE", "Coarseness"), ("65HE", "Contrast"), ("NQ30", "Busyness"), ("HDEZ", "Complexity"), ("1X9X", "Strength"));
        return table;
    }
}
