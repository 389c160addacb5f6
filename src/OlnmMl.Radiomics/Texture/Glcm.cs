using OlnmMl.Radiomics.Features;

namespace OlnmMl.Radiomics.Texture;

/// <summary>
/// Grey level co-occurrence matrix features (IBSI 3.6, family LFYI): 25 features from symmetric
/// co-occurrence matrices of voxel pairs at Chebyshev distance δ, for every directional aggregation
/// method. Sums run over grey levels i, j = 1..N<sub>g</sub>; log is log₂.
/// </summary>
public static class Glcm
{
    private static readonly MatrixFeatureTable<GlcmMatrix> Table = MatrixFeatureTable<GlcmMatrix>.Of(typeof(Glcm));

    /// <summary>Every GLCM feature for every aggregation method at δ = 1.</summary>
    public static IReadOnlyList<FeatureValue> Compute(DiscretisedRoi roi) => Compute(roi, new GlcmSettings());

    /// <summary>
    /// The GLCM features of <paramref name="roi"/> for each aggregation in
    /// <paramref name="settings"/>, in that order; NaN for every feature of an aggregation that
    /// finds no co-occurring voxel pair (e.g. a one-voxel ROI).
    /// </summary>
    public static IReadOnlyList<FeatureValue> Compute(DiscretisedRoi roi, GlcmSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Distance < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.Distance, "GlcmSettings.Distance must be at least 1.");
        }

        var aggregations = settings.Aggregations.Distinct().ToArray();
        var accumulators = aggregations.ToDictionary(a => a, a => new FeatureAccumulator<GlcmMatrix>(Table, a.IbsiCode()));
        using var grid = PaddedRoi.Create(roi, settings.Distance, withMorphology: false);
        var matrix = new GlcmMatrix(grid.LevelCount);
        var distance = settings.Distance;
        DirectionalAggregator.Accumulate(
            grid,
            grid.LevelCount * grid.LevelCount,
            (g, direction, z0, z1, counts) => CooccurrenceKernel.Count(g, direction, distance, z0, z1, counts),
            matrix,
            accumulators);
        var result = new List<FeatureValue>(aggregations.Length * Table.Count);
        foreach (var aggregation in aggregations)
        {
            accumulators[aggregation].Emit(result);
        }

        return result;
    }

    /// <summary>Joint maximum: F = max<sub>i,j</sub> p<sub>ij</sub>.</summary>
    [IbsiFeature("joint_max", "GYBY")]
    public static double JointMaximum(GlcmMatrix m)
    {
        var max = 0.0;
        foreach (var p in m.Joint)
        {
            max = Math.Max(max, p);
        }

        return max;
    }

    /// <summary>Joint average: F = Σ<sub>i,j</sub> i p<sub>ij</sub> = μ.</summary>
    [IbsiFeature("joint_avg", "60VM")]
    public static double JointAverage(GlcmMatrix m) => m.Mean;

    /// <summary>Joint variance: F = Σ<sub>i,j</sub> (i − μ)² p<sub>ij</sub> = σ².</summary>
    [IbsiFeature("joint_var", "UR99")]
    public static double JointVariance(GlcmMatrix m) => m.Variance;

    /// <summary>Joint entropy: F = −Σ<sub>i,j</sub> p<sub>ij</sub> log₂ p<sub>ij</sub>.</summary>
    [IbsiFeature("joint_entr", "TU9B")]
    public static double JointEntropy(GlcmMatrix m) => m.JointEntropy;

    /// <summary>Difference average: F = Σ<sub>k=0..Ng−1</sub> k p<sub>i−j,k</sub>.</summary>
    [IbsiFeature("diff_avg", "TF7R")]
    public static double DifferenceAverage(GlcmMatrix m) => Moment(m.Difference, 0, 1);

    /// <summary>Difference variance: F = Σ<sub>k</sub> (k − μ<sub>d</sub>)² p<sub>i−j,k</sub>, μ<sub>d</sub> the difference average.</summary>
    [IbsiFeature("diff_var", "D3YU")]
    public static double DifferenceVariance(GlcmMatrix m) => Moment(m.Difference, DifferenceAverage(m), 2);

    /// <summary>Difference entropy: F = −Σ<sub>k</sub> p<sub>i−j,k</sub> log₂ p<sub>i−j,k</sub>.</summary>
    [IbsiFeature("diff_entr", "NTRS")]
    public static double DifferenceEntropy(GlcmMatrix m) => Entropy(m.Difference);

    /// <summary>Sum average: F = Σ<sub>k=2..2Ng</sub> k p<sub>i+j,k</sub>.</summary>
    [IbsiFeature("sum_avg", "ZGXS")]
    public static double SumAverage(GlcmMatrix m) => Moment(m.Sum, 0, 1);

    /// <summary>Sum variance: F = Σ<sub>k</sub> (k − μ<sub>s</sub>)² p<sub>i+j,k</sub>, μ<sub>s</sub> the sum average.</summary>
    [IbsiFeature("sum_var", "OEEB")]
    public static double SumVariance(GlcmMatrix m) => Moment(m.Sum, SumAverage(m), 2);

    /// <summary>Sum entropy: F = −Σ<sub>k</sub> p<sub>i+j,k</sub> log₂ p<sub>i+j,k</sub>.</summary>
    [IbsiFeature("sum_entr", "P6QZ")]
    public static double SumEntropy(GlcmMatrix m) => Entropy(m.Sum);

    /// <summary>Angular second moment (energy): F = Σ<sub>i,j</sub> p<sub>ij</sub>².</summary>
    [IbsiFeature("energy", "8ZQL")]
    public static double AngularSecondMoment(GlcmMatrix m)
    {
        var energy = 0.0;
        foreach (var p in m.Joint)
        {
            energy += p * p;
        }

        return energy;
    }

    /// <summary>Contrast: F = Σ<sub>i,j</sub> (i − j)² p<sub>ij</sub> = Σ<sub>k</sub> k² p<sub>i−j,k</sub>.</summary>
    [IbsiFeature("contrast", "ACUI")]
    public static double Contrast(GlcmMatrix m) => Moment(m.Difference, 0, 2);

    /// <summary>Dissimilarity: F = Σ<sub>i,j</sub> |i − j| p<sub>ij</sub> = Σ<sub>k</sub> k p<sub>i−j,k</sub>.</summary>
    [IbsiFeature("dissimilarity", "8S9J")]
    public static double Dissimilarity(GlcmMatrix m) => Moment(m.Difference, 0, 1);

    /// <summary>Inverse difference: F = Σ<sub>k</sub> p<sub>i−j,k</sub> / (1 + k).</summary>
    [IbsiFeature("inv_diff", "IB1Z")]
    public static double InverseDifference(GlcmMatrix m) => DifferenceWeighted(m, static (k, _) => 1 / (1 + k));

    /// <summary>Normalised inverse difference: F = Σ<sub>k</sub> p<sub>i−j,k</sub> / (1 + k / N<sub>g</sub>).</summary>
    [IbsiFeature("inv_diff_norm", "NDRX")]
    public static double NormalisedInverseDifference(GlcmMatrix m) => DifferenceWeighted(m, static (k, ng) => 1 / (1 + (k / ng)));

    /// <summary>Inverse difference moment: F = Σ<sub>k</sub> p<sub>i−j,k</sub> / (1 + k²).</summary>
    [IbsiFeature("inv_diff_mom", "WF0Z")]
    public static double InverseDifferenceMoment(GlcmMatrix m) => DifferenceWeighted(m, static (k, _) => 1 / (1 + (k * k)));

    /// <summary>Normalised inverse difference moment: F = Σ<sub>k</sub> p<sub>i−j,k</sub> / (1 + k² / N<sub>g</sub>²).</summary>
    [IbsiFeature("inv_diff_mom_norm", "1QCO")]
    public static double NormalisedInverseDifferenceMoment(GlcmMatrix m) =>
        DifferenceWeighted(m, static (k, ng) => 1 / (1 + (k * k / (ng * ng))));

    /// <summary>Inverse variance: F = Σ<sub>k=1..Ng−1</sub> p<sub>i−j,k</sub> / k².</summary>
    [IbsiFeature("inv_var", "E8JP")]
    public static double InverseVariance(GlcmMatrix m) => DifferenceWeighted(m, static (k, _) => k == 0 ? 0 : 1 / (k * k));

    /// <summary>
    /// Correlation: F = (Σ<sub>i,j</sub> i j p<sub>ij</sub> − μ<sub>i.</sub> μ<sub>.j</sub>) / (σ<sub>i.</sub> σ<sub>.j</sub>)
    /// = (Σ i j p<sub>ij</sub> − μ²) / σ² by symmetry; NaN when σ = 0 (one grey level).
    /// </summary>
    [IbsiFeature("corr", "NI2N")]
    public static double Correlation(GlcmMatrix m) =>
        m.Variance == 0 ? double.NaN : (Autocorrelation(m) - (m.Mean * m.Mean)) / m.Variance;

    /// <summary>Autocorrelation: F = Σ<sub>i,j</sub> i j p<sub>ij</sub>.</summary>
    [IbsiFeature("auto_corr", "QWB0")]
    public static double Autocorrelation(GlcmMatrix m) => JointWeighted(m, static (i, j, _) => i * j);

    /// <summary>Cluster tendency: F = Σ<sub>i,j</sub> (i + j − μ<sub>i.</sub> − μ<sub>.j</sub>)² p<sub>ij</sub>.</summary>
    [IbsiFeature("clust_tend", "DG8W")]
    public static double ClusterTendency(GlcmMatrix m) => JointWeighted(m, static (i, j, mu) => Square(i + j - (2 * mu)));

    /// <summary>Cluster shade: F = Σ<sub>i,j</sub> (i + j − μ<sub>i.</sub> − μ<sub>.j</sub>)³ p<sub>ij</sub>.</summary>
    [IbsiFeature("clust_shade", "7NFM")]
    public static double ClusterShade(GlcmMatrix m) => JointWeighted(m, static (i, j, mu) => Square(i + j - (2 * mu)) * (i + j - (2 * mu)));

    /// <summary>Cluster prominence: F = Σ<sub>i,j</sub> (i + j − μ<sub>i.</sub> − μ<sub>.j</sub>)⁴ p<sub>ij</sub>.</summary>
    [IbsiFeature("clust_prom", "AE86")]
    public static double ClusterProminence(GlcmMatrix m) => JointWeighted(m, static (i, j, mu) => Square(Square(i + j - (2 * mu))));

    /// <summary>
    /// Information correlation 1: F = (HXY − HXY1) / HX, with HXY the joint entropy,
    /// HX = −Σ p<sub>i.</sub> log₂ p<sub>i.</sub> and HXY1 = −Σ<sub>i,j</sub> p<sub>ij</sub> log₂(p<sub>i.</sub> p<sub>.j</sub>);
    /// NaN when HX = 0 (one grey level).
    /// </summary>
    [IbsiFeature("info_corr_1", "R8DG")]
    public static double InformationCorrelation1(GlcmMatrix m) =>
        m.MarginalEntropy == 0 ? double.NaN : (m.JointEntropy - m.CrossEntropy1) / m.MarginalEntropy;

    /// <summary>
    /// Information correlation 2: F = √(1 − exp(−2 (HXY2 − HXY))), with
    /// HXY2 = −Σ<sub>i,j</sub> p<sub>i.</sub> p<sub>.j</sub> log₂(p<sub>i.</sub> p<sub>.j</sub>).
    /// </summary>
    [IbsiFeature("info_corr_2", "JN9H")]
    public static double InformationCorrelation2(GlcmMatrix m) =>
        Math.Sqrt(Math.Max(0, 1 - Math.Exp(-2 * (m.CrossEntropy2 - m.JointEntropy))));

    /// <summary>Σ<sub>k</sub> (k − centre)<sup>power</sup> p<sub>k</sub> for power 1 or 2.</summary>
    private static double Moment(ReadOnlySpan<double> distribution, double centre, int power)
    {
        var moment = 0.0;
        for (var k = 0; k < distribution.Length; k++)
        {
            var deviation = k - centre;
            moment += (power == 1 ? deviation : deviation * deviation) * distribution[k];
        }

        return moment;
    }

    private static double Square(double x) => x * x;

    private static double Entropy(ReadOnlySpan<double> distribution)
    {
        var entropy = 0.0;
        foreach (var p in distribution)
        {
            entropy -= p > 0 ? p * Math.Log2(p) : 0;
        }

        return entropy;
    }

    private static double DifferenceWeighted(GlcmMatrix m, Func<double, double, double> weight)
    {
        var value = 0.0;
        var difference = m.Difference;
        for (var k = 0; k < difference.Length; k++)
        {
            value += weight(k, m.LevelCount) * difference[k];
        }

        return value;
    }

    private static double JointWeighted(GlcmMatrix m, Func<double, double, double, double> weight)
    {
        var value = 0.0;
        var ng = m.LevelCount;
        var joint = m.Joint;
        for (var i = 1; i <= ng; i++)
        {
            for (var j = 1; j <= ng; j++)
            {
                var p = joint[((i - 1) * ng) + j - 1];
                if (p > 0)
                {
                    value += weight(i, j, m.Mean) * p;
                }
            }
        }

        return value;
    }
}
