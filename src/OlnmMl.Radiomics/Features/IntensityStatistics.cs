namespace OlnmMl.Radiomics.Features;

/// <summary>
/// Intensity-based statistical features (IBSI 1 §3.3) of the intensity-mask voxels X_1..X_N (not
/// discretised). Where σ = 0, skewness and kurtosis are 0 (IBSI's convention).
/// </summary>
public static class IntensityStatistics
{
    /// <summary>The bound feature methods.</summary>
    public static FeatureTable<IntensitySample> Table { get; } = new(typeof(IntensityStatistics));

    /// <summary>Mean μ = (1/N) Σ X_k.</summary>
    [IbsiFeature("mean", "Q4LE")]
    public static double Mean(IntensitySample s) => s.Mean;

    /// <summary>Variance σ² = (1/N) Σ (X_k − μ)².</summary>
    [IbsiFeature("variance", "ECT3")]
    public static double Variance(IntensitySample s) => s.Variance;

    /// <summary>Skewness (1/N) Σ (X_k − μ)³ / σ³ (0 when σ = 0).</summary>
    [IbsiFeature("skewness", "KE2A")]
    public static double Skewness(IntensitySample s) => Moments.Skewness(s);

    /// <summary>Excess kurtosis (1/N) Σ (X_k − μ)⁴ / σ⁴ − 3 (0 when σ = 0).</summary>
    [IbsiFeature("kurtosis", "IPH6")]
    public static double Kurtosis(IntensitySample s) => Moments.ExcessKurtosis(s);

    /// <summary>Median P50.</summary>
    [IbsiFeature("median", "Y12H")]
    public static double Median(IntensitySample s) => s.Percentile(0.5);

    /// <summary>Minimum min X_k.</summary>
    [IbsiFeature("min", "1GSF")]
    public static double Minimum(IntensitySample s) => s.Count == 0 ? double.NaN : s.Sorted[0];

    /// <summary>10th percentile P10.</summary>
    [IbsiFeature("p10", "QG58")]
    public static double Percentile10(IntensitySample s) => s.Percentile(0.10);

    /// <summary>90th percentile P90.</summary>
    [IbsiFeature("p90", "8DWT")]
    public static double Percentile90(IntensitySample s) => s.Percentile(0.90);

    /// <summary>Maximum max X_k.</summary>
    [IbsiFeature("max", "84IY")]
    public static double Maximum(IntensitySample s) => s.Count == 0 ? double.NaN : s.Sorted[^1];

    /// <summary>Interquartile range P75 − P25.</summary>
    [IbsiFeature("iqr", "SALO")]
    public static double InterquartileRange(IntensitySample s) => s.Percentile(0.75) - s.Percentile(0.25);

    /// <summary>Range max X_k − min X_k.</summary>
    [IbsiFeature("range", "2OJQ")]
    public static double Range(IntensitySample s) => Maximum(s) - Minimum(s);

    /// <summary>Mean absolute deviation (1/N) Σ |X_k − μ|.</summary>
    [IbsiFeature("mad", "4FUA")]
    public static double MeanAbsoluteDeviation(IntensitySample s) => s.MeanAbsoluteDeviationFrom(s.Mean);

    /// <summary>Robust mean absolute deviation: (1/N₁₀₋₉₀) Σ |X_k − μ₁₀₋₉₀| over the voxels with P10 ≤ X_k ≤ P90.</summary>
    [IbsiFeature("rmad", "1128")]
    public static double RobustMeanAbsoluteDeviation(IntensitySample s) => s.RobustMeanAbsoluteDeviation();

    /// <summary>Median absolute deviation (1/N) Σ |X_k − P50|.</summary>
    [IbsiFeature("medad", "N72L")]
    public static double MedianAbsoluteDeviation(IntensitySample s) => s.MeanAbsoluteDeviationFrom(s.Percentile(0.5));

    /// <summary>Coefficient of variation σ/μ.</summary>
    [IbsiFeature("cov", "7TET")]
    public static double CoefficientOfVariation(IntensitySample s) => Math.Sqrt(s.Variance) / s.Mean;

    /// <summary>Quartile coefficient of dispersion (P75 − P25)/(P75 + P25).</summary>
    [IbsiFeature("qcod", "9S40")]
    public static double QuartileCoefficientOfDispersion(IntensitySample s) =>
        (s.Percentile(0.75) - s.Percentile(0.25)) / (s.Percentile(0.75) + s.Percentile(0.25));

    /// <summary>Energy Σ X_k².</summary>
    [IbsiFeature("energy", "N8CA")]
    public static double Energy(IntensitySample s) => s.Count == 0 ? double.NaN : s.Sorted.Sum(x => x * x);

    /// <summary>Root mean square √((1/N) Σ X_k²).</summary>
    [IbsiFeature("rms", "5ZWQ")]
    public static double RootMeanSquare(IntensitySample s) => Math.Sqrt(Energy(s) / s.Count);
}
