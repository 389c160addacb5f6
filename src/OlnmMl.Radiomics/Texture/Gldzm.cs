using OlnmMl.Radiomics.Features;

namespace OlnmMl.Radiomics.Texture;

/// <summary>
/// Grey level distance zone matrix features (IBSI 3.9, family VMDZ): 16 features from matrices
/// d<sub>ij</sub> counting zones of grey level i whose distance to the ROI edge is j (the minimum
/// Manhattan distance of the zone's voxels, 1 on the edge, measured on the morphological mask), for
/// the 2D, 2.5D and 3D aggregation methods. N<sub>s</sub> is the number of zones, N<sub>v</sub> the
/// number of voxels, d<sub>i.</sub> and d<sub>.j</sub> the marginal sums and
/// p<sub>ij</sub> = d<sub>ij</sub> / N<sub>s</sub>.
/// </summary>
public static class Gldzm
{
    private static readonly MatrixFeatureTable<GreyLevelCountMatrix> Table = MatrixFeatureTable<GreyLevelCountMatrix>.Of(typeof(Gldzm));

    /// <summary>Every GLDZM feature for every aggregation method, 26/8-connected zones.</summary>
    public static IReadOnlyList<FeatureValue> Compute(DiscretisedRoi roi) => Compute(roi, new GldzmSettings());

    /// <summary>
    /// The GLDZM features of <paramref name="roi"/> for each aggregation in
    /// <paramref name="settings"/>, in that order; NaN for every feature when the ROI is empty.
    /// </summary>
    public static IReadOnlyList<FeatureValue> Compute(DiscretisedRoi roi, GldzmSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return ZoneMatrices.Compute(roi, settings.Aggregations, settings.Connectivity, byDistance: true, Table);
    }

    /// <summary>Small distance emphasis: F = (1/N<sub>s</sub>) Σ<sub>j</sub> d<sub>.j</sub> / j².</summary>
    [IbsiFeature("sde", "0GBI")]
    public static double SmallDistanceEmphasis(GreyLevelCountMatrix m) => m.ColumnMoment(static j => 1 / (j * j));

    /// <summary>Large distance emphasis: F = (1/N<sub>s</sub>) Σ<sub>j</sub> j² d<sub>.j</sub>.</summary>
    [IbsiFeature("lde", "MB4I")]
    public static double LargeDistanceEmphasis(GreyLevelCountMatrix m) => m.ColumnMoment(static j => j * j);

    /// <summary>Low grey level zone emphasis: F = (1/N<sub>s</sub>) Σ<sub>i</sub> d<sub>i.</sub> / i².</summary>
    [IbsiFeature("lgze", "S1RA")]
    public static double LowGreyLevelZoneEmphasis(GreyLevelCountMatrix m) => m.RowMoment(static i => 1 / (i * i));

    /// <summary>High grey level zone emphasis: F = (1/N<sub>s</sub>) Σ<sub>i</sub> i² d<sub>i.</sub>.</summary>
    [IbsiFeature("hgze", "K26C")]
    public static double HighGreyLevelZoneEmphasis(GreyLevelCountMatrix m) => m.RowMoment(static i => i * i);

    /// <summary>Small distance low grey level emphasis: F = (1/N<sub>s</sub>) Σ<sub>i,j</sub> d<sub>ij</sub> / (i² j²).</summary>
    [IbsiFeature("sdlge", "RUVG")]
    public static double SmallDistanceLowGreyLevelEmphasis(GreyLevelCountMatrix m) => m.JointMoment(static (i, j) => 1 / (i * i * j * j));

    /// <summary>Small distance high grey level emphasis: F = (1/N<sub>s</sub>) Σ<sub>i,j</sub> i² d<sub>ij</sub> / j².</summary>
    [IbsiFeature("sdhge", "DKNJ")]
    public static double SmallDistanceHighGreyLevelEmphasis(GreyLevelCountMatrix m) => m.JointMoment(static (i, j) => i * i / (j * j));

    /// <summary>Large distance low grey level emphasis: F = (1/N<sub>s</sub>) Σ<sub>i,j</sub> j² d<sub>ij</sub> / i².</summary>
    [IbsiFeature("ldlge", "A7WM")]
    public static double LargeDistanceLowGreyLevelEmphasis(GreyLevelCountMatrix m) => m.JointMoment(static (i, j) => j * j / (i * i));

    /// <summary>Large distance high grey level emphasis: F = (1/N<sub>s</sub>) Σ<sub>i,j</sub> i² j² d<sub>ij</sub>.</summary>
    [IbsiFeature("ldhge", "KLTH")]
    public static double LargeDistanceHighGreyLevelEmphasis(GreyLevelCountMatrix m) => m.JointMoment(static (i, j) => i * i * j * j);

    /// <summary>Grey level non-uniformity: F = (1/N<sub>s</sub>) Σ<sub>i</sub> d<sub>i.</sub>².</summary>
    [IbsiFeature("glnu", "VFT7")]
    public static double GreyLevelNonUniformity(GreyLevelCountMatrix m) => m.RowNonUniformity();

    /// <summary>Normalised grey level non-uniformity: F = (1/N<sub>s</sub>²) Σ<sub>i</sub> d<sub>i.</sub>².</summary>
    [IbsiFeature("glnu_norm", "7HP3")]
    public static double NormalisedGreyLevelNonUniformity(GreyLevelCountMatrix m) => m.RowNonUniformity() / m.Total;

    /// <summary>Zone distance non-uniformity: F = (1/N<sub>s</sub>) Σ<sub>j</sub> d<sub>.j</sub>².</summary>
    [IbsiFeature("zdnu", "V294")]
    public static double ZoneDistanceNonUniformity(GreyLevelCountMatrix m) => m.ColumnNonUniformity();

    /// <summary>Normalised zone distance non-uniformity: F = (1/N<sub>s</sub>²) Σ<sub>j</sub> d<sub>.j</sub>².</summary>
    [IbsiFeature("zdnu_norm", "IATH")]
    public static double NormalisedZoneDistanceNonUniformity(GreyLevelCountMatrix m) => m.ColumnNonUniformity() / m.Total;

    /// <summary>Zone percentage: F = N<sub>s</sub> / N<sub>v</sub>.</summary>
    [IbsiFeature("z_perc", "VIWW")]
    public static double ZonePercentage(GreyLevelCountMatrix m) => m.Total / m.VoxelCount;

    /// <summary>Grey level variance: F = Σ<sub>i,j</sub> (i − μ)² p<sub>ij</sub>, μ = Σ<sub>i,j</sub> i p<sub>ij</sub>.</summary>
    [IbsiFeature("gl_var", "QK93")]
    public static double GreyLevelVariance(GreyLevelCountMatrix m) => m.RowVariance();

    /// <summary>Zone distance variance: F = Σ<sub>i,j</sub> (j − μ)² p<sub>ij</sub>, μ = Σ<sub>i,j</sub> j p<sub>ij</sub>.</summary>
    [IbsiFeature("zd_var", "7WT1")]
    public static double ZoneDistanceVariance(GreyLevelCountMatrix m) => m.ColumnVariance();

    /// <summary>Zone distance entropy: F = −Σ<sub>i,j</sub> p<sub>ij</sub> log₂ p<sub>ij</sub>.</summary>
    [IbsiFeature("zd_entr", "GBDU")]
    public static double ZoneDistanceEntropy(GreyLevelCountMatrix m) => m.Entropy();
}
