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
    private static readonly FeatureTable<GreyLevelCountMatrix> Table = FeatureTable<GreyLevelCountMatrix>.Of(typeof(Glszm));

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
    [IbsiFeature("5QRC", "sze")]
    public static double SmallZoneEmphasis(GreyLevelCountMatrix m) => m.ColumnMoment(static j => 1 / (j * j));

    /// <summary>Large zone emphasis: F = (1/N<sub>s</sub>) Σ<sub>j</sub> j² s<sub>.j</sub>.</summary>
    [IbsiFeature("48P8", "lze")]
    public static double LargeZoneEmphasis(GreyLevelCountMatrix m) => m.ColumnMoment(static j => j * j);

    /// <summary>Low grey level zone emphasis: F = (1/N<sub>s</sub>) Σ<sub>i</sub> s<sub>i.</sub> / i².</summary>
    [IbsiFeature("XMSY", "lgze")]
    public static double LowGreyLevelZoneEmphasis(GreyLevelCountMatrix m) => m.RowMoment(static i => 1 / (i * i));

    /// <summary>High grey level zone emphasis: F = (1/N<sub>s</sub>) Σ<sub>i</sub> i² s<sub>i.</sub>.</summary>
    [IbsiFeature("5GN9", "hgze")]
    public static double HighGreyLevelZoneEmphasis(GreyLevelCountMatrix m) => m.RowMoment(static i => i * i);

    /// <summary>Small zone low grey level emphasis: F = (1/N<sub>s</sub>) Σ<sub>i,j</sub> s<sub>ij</sub> / (i² j²).</summary>
    [IbsiFeature("5RAI", "szlge")]
    public static double SmallZoneLowGreyLevelEmphasis(GreyLevelCountMatrix m) => m.JointMoment(static (i, j) => 1 / (i * i * j * j));

    /// <summary>Small zone high grey level emphasis: F = (1/N<sub>s</sub>) Σ<sub>i,j</sub> i² s<sub>ij</sub> / j².</summary>
    [IbsiFeature("HW1V", "szhge")]
    public static double SmallZoneHighGreyLevelEmphasis(GreyLevelCountMatrix m) => m.JointMoment(static (i, j) => i * i / (j * j));

    /// <summary>Large zone low grey level emphasis: F = (1/N<sub>s</sub>) Σ<sub>i,j</sub> j² s<sub>ij</sub> / i².</summary>
    [IbsiFeature("YH51", "lzlge")]
    public static double LargeZoneLowGreyLevelEmphasis(GreyLevelCountMatrix m) => m.JointMoment(static (i, j) => j * j / (i * i));

    /// <summary>Large zone high grey level emphasis: F = (1/N<sub>s</sub>) Σ<sub>i,j</sub> i² j² s<sub>ij</sub>.</summary>
    [IbsiFeature("J17V", "lzhge")]
    public static double LargeZoneHighGreyLevelEmphasis(GreyLevelCountMatrix m) => m.JointMoment(static (i, j) => i * i * j * j);

    /// <summary>Grey level non-uniformity: F = (1/N<sub>s</sub>) Σ<sub>i</sub> s<sub>i.</sub>².</summary>
    [IbsiFeature("JNSA", "glnu")]
    public static double GreyLevelNonUniformity(GreyLevelCountMatrix m) => m.RowNonUniformity();

    /// <summary>Normalised grey level non-uniformity: F = (1/N<sub>s</sub>²) Σ<sub>i</sub> s<sub>i.</sub>².</summary>
    [IbsiFeature("Y1RO", "glnu_norm")]
    public static double NormalisedGreyLevelNonUniformity(GreyLevelCountMatrix m) => m.RowNonUniformity() / m.Total;

    /// <summary>Zone size non-uniformity: F = (1/N<sub>s</sub>) Σ<sub>j</sub> s<sub>.j</sub>².</summary>
    [IbsiFeature("4JP3", "zsnu")]
    public static double ZoneSizeNonUniformity(GreyLevelCountMatrix m) => m.ColumnNonUniformity();

    /// <summary>Normalised zone size non-uniformity: F = (1/N<sub>s</sub>²) Σ<sub>j</sub> s<sub>.j</sub>².</summary>
    [IbsiFeature("VB3A", "zsnu_norm")]
    public static double NormalisedZoneSizeNonUniformity(GreyLevelCountMatrix m) => m.ColumnNonUniformity() / m.Total;

    /// <summary>Zone percentage: F = N<sub>s</sub> / N<sub>v</sub>.</summary>
    [IbsiFeature("P30P", "z_perc")]
    public static double ZonePercentage(GreyLevelCountMatrix m) => m.Total / m.VoxelCount;

    /// <summary>Grey level variance: F = Σ<sub>i,j</sub> (i − μ)² p<sub>ij</sub>, μ = Σ<sub>i,j</sub> i p<sub>ij</sub>.</summary>
    [IbsiFeature("BYLV", "gl_var")]
    public static double GreyLevelVariance(GreyLevelCountMatrix m) => m.RowVariance();

    /// <summary>Zone size variance: F = Σ<sub>i,j</sub> (j − μ)² p<sub>ij</sub>, μ = Σ<sub>i,j</sub> j p<sub>ij</sub>.</summary>
    [IbsiFeature("3NSA", "zs_var")]
    public static double ZoneSizeVariance(GreyLevelCountMatrix m) => m.ColumnVariance();

    /// <summary>Zone size entropy: F = −Σ<sub>i,j</sub> p<sub>ij</sub> log₂ p<sub>ij</sub>.</summary>
    [IbsiFeature("GU8N", "zs_entr")]
    public static double ZoneSizeEntropy(GreyLevelCountMatrix m) => m.Entropy();
}
