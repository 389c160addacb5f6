using OlnmMl.Radiomics.Features;

namespace OlnmMl.Radiomics.Texture;

/// <summary>
/// Grey level run length matrix features (IBSI 3.7, family TP0I): 16 features from matrices
/// r<sub>ij</sub> counting runs of grey level i and length j along each direction, for every
/// directional aggregation method. N<sub>s</sub> is the number of runs, N<sub>v</sub> the number of
/// voxels (summed over merged matrices), r<sub>i.</sub> and r<sub>.j</sub> the marginal sums and
/// p<sub>ij</sub> = r<sub>ij</sub> / N<sub>s</sub>.
/// </summary>
public static class Glrlm
{
    private static readonly MatrixFeatureTable<GreyLevelCountMatrix> Table = MatrixFeatureTable<GreyLevelCountMatrix>.Of(typeof(Glrlm));

    /// <summary>Every GLRLM feature for every aggregation method.</summary>
    public static IReadOnlyList<FeatureValue> Compute(DiscretisedRoi roi) => Compute(roi, new GlrlmSettings());

    /// <summary>
    /// The GLRLM features of <paramref name="roi"/> for each aggregation in
    /// <paramref name="settings"/>, in that order; NaN for every feature when the ROI is empty.
    /// </summary>
    public static IReadOnlyList<FeatureValue> Compute(DiscretisedRoi roi, GlrlmSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var aggregations = settings.Aggregations.Distinct().ToArray();
        var accumulators = aggregations.ToDictionary(a => a, a => new FeatureAccumulator<GreyLevelCountMatrix>(Table, a.IbsiCode()));
        using var grid = PaddedRoi.Create(roi, 1, withMorphology: false);
        var maxRun = RunLengthKernel.MaxRunLength(grid);
        DirectionalAggregator.Accumulate(
            grid,
            grid.LevelCount * maxRun,
            (g, direction, z0, z1, counts) => RunLengthKernel.Count(g, direction, maxRun, z0, z1, counts),
            new GreyLevelCountMatrix(grid.LevelCount),
            accumulators);
        var result = new List<FeatureValue>(aggregations.Length * Table.Count);
        foreach (var aggregation in aggregations)
        {
            accumulators[aggregation].Emit(result);
        }

        return result;
    }

    /// <summary>Short runs emphasis: F = (1/N<sub>s</sub>) Σ<sub>j</sub> r<sub>.j</sub> / j².</summary>
    [IbsiFeature("sre", "22OV")]
    public static double ShortRunsEmphasis(GreyLevelCountMatrix m) => m.ColumnMoment(static j => 1 / (j * j));

    /// <summary>Long runs emphasis: F = (1/N<sub>s</sub>) Σ<sub>j</sub> j² r<sub>.j</sub>.</summary>
    [IbsiFeature("lre", "W4KF")]
    public static double LongRunsEmphasis(GreyLevelCountMatrix m) => m.ColumnMoment(static j => j * j);

    /// <summary>Low grey level run emphasis: F = (1/N<sub>s</sub>) Σ<sub>i</sub> r<sub>i.</sub> / i².</summary>
    [IbsiFeature("lgre", "V3SW")]
    public static double LowGreyLevelRunEmphasis(GreyLevelCountMatrix m) => m.RowMoment(static i => 1 / (i * i));

    /// <summary>High grey level run emphasis: F = (1/N<sub>s</sub>) Σ<sub>i</sub> i² r<sub>i.</sub>.</summary>
    [IbsiFeature("hgre", "G3QZ")]
    public static double HighGreyLevelRunEmphasis(GreyLevelCountMatrix m) => m.RowMoment(static i => i * i);

    /// <summary>Short run low grey level emphasis: F = (1/N<sub>s</sub>) Σ<sub>i,j</sub> r<sub>ij</sub> / (i² j²).</summary>
    [IbsiFeature("srlge", "HTZT")]
    public static double ShortRunLowGreyLevelEmphasis(GreyLevelCountMatrix m) => m.JointMoment(static (i, j) => 1 / (i * i * j * j));

    /// <summary>Short run high grey level emphasis: F = (1/N<sub>s</sub>) Σ<sub>i,j</sub> i² r<sub>ij</sub> / j².</summary>
    [IbsiFeature("srhge", "GD3A")]
    public static double ShortRunHighGreyLevelEmphasis(GreyLevelCountMatrix m) => m.JointMoment(static (i, j) => i * i / (j * j));

    /// <summary>Long run low grey level emphasis: F = (1/N<sub>s</sub>) Σ<sub>i,j</sub> j² r<sub>ij</sub> / i².</summary>
    [IbsiFeature("lrlge", "IVPO")]
    public static double LongRunLowGreyLevelEmphasis(GreyLevelCountMatrix m) => m.JointMoment(static (i, j) => j * j / (i * i));

    /// <summary>Long run high grey level emphasis: F = (1/N<sub>s</sub>) Σ<sub>i,j</sub> i² j² r<sub>ij</sub>.</summary>
    [IbsiFeature("lrhge", "3KUM")]
    public static double LongRunHighGreyLevelEmphasis(GreyLevelCountMatrix m) => m.JointMoment(static (i, j) => i * i * j * j);

    /// <summary>Grey level non-uniformity: F = (1/N<sub>s</sub>) Σ<sub>i</sub> r<sub>i.</sub>².</summary>
    [IbsiFeature("glnu", "R5YN")]
    public static double GreyLevelNonUniformity(GreyLevelCountMatrix m) => m.RowNonUniformity();

    /// <summary>Normalised grey level non-uniformity: F = (1/N<sub>s</sub>²) Σ<sub>i</sub> r<sub>i.</sub>².</summary>
    [IbsiFeature("glnu_norm", "OVBL")]
    public static double NormalisedGreyLevelNonUniformity(GreyLevelCountMatrix m) => m.RowNonUniformity() / m.Total;

    /// <summary>Run length non-uniformity: F = (1/N<sub>s</sub>) Σ<sub>j</sub> r<sub>.j</sub>².</summary>
    [IbsiFeature("rlnu", "W92Y")]
    public static double RunLengthNonUniformity(GreyLevelCountMatrix m) => m.ColumnNonUniformity();

    /// <summary>Normalised run length non-uniformity: F = (1/N<sub>s</sub>²) Σ<sub>j</sub> r<sub>.j</sub>².</summary>
    [IbsiFeature("rlnu_norm", "IC23")]
    public static double NormalisedRunLengthNonUniformity(GreyLevelCountMatrix m) => m.ColumnNonUniformity() / m.Total;

    /// <summary>Run percentage: F = N<sub>s</sub> / N<sub>v</sub> (N<sub>v</sub> summed over merged matrices).</summary>
    [IbsiFeature("r_perc", "9ZK5")]
    public static double RunPercentage(GreyLevelCountMatrix m) => m.Total / m.VoxelCount;

    /// <summary>Grey level variance: F = Σ<sub>i,j</sub> (i − μ)² p<sub>ij</sub>, μ = Σ<sub>i,j</sub> i p<sub>ij</sub>.</summary>
    [IbsiFeature("gl_var", "8CE5")]
    public static double GreyLevelVariance(GreyLevelCountMatrix m) => m.RowVariance();

    /// <summary>Run length variance: F = Σ<sub>i,j</sub> (j − μ)² p<sub>ij</sub>, μ = Σ<sub>i,j</sub> j p<sub>ij</sub>.</summary>
    [IbsiFeature("rl_var", "SXLW")]
    public static double RunLengthVariance(GreyLevelCountMatrix m) => m.ColumnVariance();

    /// <summary>Run entropy: F = −Σ<sub>i,j</sub> p<sub>ij</sub> log₂ p<sub>ij</sub>.</summary>
    [IbsiFeature("rl_entr", "HJ9O")]
    public static double RunEntropy(GreyLevelCountMatrix m) => m.Entropy();
}
