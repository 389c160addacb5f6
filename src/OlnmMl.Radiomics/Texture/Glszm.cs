using OlnmMl.Radiomics.Features;

namespace OlnmMl.Radiomics.Texture;

/// <summary>
/// Grey level size zone matrix features (IBSI 3.8, family 9SAK): 16 features from matrices
/// s<sub>ij</sub> counting zones (connected voxels of one grey level) of grey level i and size j,
/// for the 2D, 2.5D and 3D aggregation methods. N<sub>s</sub> is the number of zones,
/// N<sub>v</sub> the number of voxels, s<sub>i.</sub> and s<sub>.j</sub> the marginal sums and
/// p<sub>ij</sub> = s<sub>ij</sub> / N<sub>s</sub>.
/// </summary>
public static class Glszm
{
    private static readonly MatrixFeatureTable<GreyLevelCountMatrix> Table = MatrixFeatureTable<GreyLevelCountMatrix>.Of(typeof(Glszm));

    /// <summary>Every GLSZM feature for every aggregation method, 26/8-connected zones.</summary>
    public static IReadOnlyList<FeatureValue> Compute(DiscretisedRoi roi) => Compute(roi, new GlszmSettings());

    /// <summary>
    /// The GLSZM features of <paramref name="roi"/> for each aggregation in
    /// <paramref name="settings"/>, in that order; NaN for every feature when the ROI is empty.
    /// </summary>
    public static IReadOnlyList<FeatureValue> Compute(DiscretisedRoi roi, GlszmSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return ZoneMatrices.Compute(roi, settings.Aggregations, settings.Connectivity, byDistance: false, Table);
    }

    /// <summary>Small zone emphasis: F = (1/N<sub>s</sub>) Σ<sub>j</sub> s<sub>.j</sub> / j².</summary>
    [IbsiFeature("sze", "5QRC")]
    public static double SmallZoneEmphasis(GreyLevelCountMatrix m) => m.ColumnMoment(static j => 1 / (j * j));

    /// <summary>Large zone emphasis: F = (1/N<sub>s</sub>) Σ<sub>j</sub> j² s<sub>.j</sub>.</summary>
    [IbsiFeature("lze", "48P8")]
    public static double LargeZoneEmphasis(GreyLevelCountMatrix m) => m.ColumnMoment(static j => j * j);

    /// <summary>Low grey level zone emphasis: F = (1/N<sub>s</sub>) Σ<sub>i</sub> s<sub>i.</sub> / i².</summary>
    [IbsiFeature("lgze", "XMSY")]
    public static double LowGreyLevelZoneEmphasis(GreyLevelCountMatrix m) => m.RowMoment(static i => 1 / (i * i));

    /// <summary>High grey level zone emphasis: F = (1/N<sub>s</sub>) Σ<sub>i</sub> i² s<sub>i.</sub>.</summary>
    [IbsiFeature("hgze", "5GN9")]
    public static double HighGreyLevelZoneEmphasis(GreyLevelCountMatrix m) => m.RowMoment(static i => i * i);

    /// <summary>Small zone low grey level emphasis: F = (1/N<sub>s</sub>) Σ<sub>i,j</sub> s<sub>ij</sub> / (i² j²).</summary>
    [IbsiFeature("szlge", "5RAI")]
    public static double SmallZoneLowGreyLevelEmphasis(GreyLevelCountMatrix m) => m.JointMoment(static (i, j) => 1 / (i * i * j * j));

    /// <summary>Small zone high grey level emphasis: F = (1/N<sub>s</sub>) Σ<sub>i,j</sub> i² s<sub>ij</sub> / j².</summary>
    [IbsiFeature("szhge", "HW1V")]
    public static double SmallZoneHighGreyLevelEmphasis(GreyLevelCountMatrix m) => m.JointMoment(static (i, j) => i * i / (j * j));

    /// <summary>Large zone low grey level emphasis: F = (1/N<sub>s</sub>) Σ<sub>i,j</sub> j² s<sub>ij</sub> / i².</summary>
    [IbsiFeature("lzlge", "YH51")]
    public static double LargeZoneLowGreyLevelEmphasis(GreyLevelCountMatrix m) => m.JointMoment(static (i, j) => j * j / (i * i));

    /// <summary>Large zone high grey level emphasis: F = (1/N<sub>s</sub>) Σ<sub>i,j</sub> i² j² s<sub>ij</sub>.</summary>
    [IbsiFeature("lzhge", "J17V")]
    public static double LargeZoneHighGreyLevelEmphasis(GreyLevelCountMatrix m) => m.JointMoment(static (i, j) => i * i * j * j);

    /// <summary>Grey level non-uniformity: F = (1/N<sub>s</sub>) Σ<sub>i</sub> s<sub>i.</sub>².</summary>
    [IbsiFeature("glnu", "JNSA")]
    public static double GreyLevelNonUniformity(GreyLevelCountMatrix m) => m.RowNonUniformity();

    /// <summary>Normalised grey level non-uniformity: F = (1/N<sub>s</sub>²) Σ<sub>i</sub> s<sub>i.</sub>².</summary>
    [IbsiFeature("glnu_norm", "Y1RO")]
    public static double NormalisedGreyLevelNonUniformity(GreyLevelCountMatrix m) => m.RowNonUniformity() / m.Total;

    /// <summary>Zone size non-uniformity: F = (1/N<sub>s</sub>) Σ<sub>j</sub> s<sub>.j</sub>².</summary>
    [IbsiFeature("zsnu", "4JP3")]
    public static double ZoneSizeNonUniformity(GreyLevelCountMatrix m) => m.ColumnNonUniformity();

    /// <summary>Normalised zone size non-uniformity: F = (1/N<sub>s</sub>²) Σ<sub>j</sub> s<sub>.j</sub>².</summary>
    [IbsiFeature("zsnu_norm", "VB3A")]
    public static double NormalisedZoneSizeNonUniformity(GreyLevelCountMatrix m) => m.ColumnNonUniformity() / m.Total;

    /// <summary>Zone percentage: F = N<sub>s</sub> / N<sub>v</sub>.</summary>
    [IbsiFeature("z_perc", "P30P")]
    public static double ZonePercentage(GreyLevelCountMatrix m) => m.Total / m.VoxelCount;

    /// <summary>Grey level variance: F = Σ<sub>i,j</sub> (i − μ)² p<sub>ij</sub>, μ = Σ<sub>i,j</sub> i p<sub>ij</sub>.</summary>
    [IbsiFeature("gl_var", "BYLV")]
    public static double GreyLevelVariance(GreyLevelCountMatrix m) => m.RowVariance();

    /// <summary>Zone size variance: F = Σ<sub>i,j</sub> (j − μ)² p<sub>ij</sub>, μ = Σ<sub>i,j</sub> j p<sub>ij</sub>.</summary>
    [IbsiFeature("zs_var", "3NSA")]
    public static double ZoneSizeVariance(GreyLevelCountMatrix m) => m.ColumnVariance();

    /// <summary>Zone size entropy: F = −Σ<sub>i,j</sub> p<sub>ij</sub> log₂ p<sub>ij</sub>.</summary>
    [IbsiFeature("zs_entr", "GU8N")]
    public static double ZoneSizeEntropy(GreyLevelCountMatrix m) => m.Entropy();
}
