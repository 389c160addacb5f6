namespace OlnmMl.Radiomics.Features;

/// <summary>
/// Intensity histogram features (IBSI 1 §3.4) of the discretised intensities X_d,k ∈ 1..N_g, with
/// p_i = n_i / N. Moments and percentiles are those of <see cref="IntensityStatistics"/> on X_d.
/// </summary>
public static class IntensityHistogram
{
    /// <summary>The bound feature methods.</summary>
    public static FeatureTable<HistogramSample> Table { get; } = new(typeof(IntensityHistogram));

    /// <summary>Mean discretised intensity μ = (1/N) Σ X_d,k.</summary>
    [IbsiFeature("mean", "X6K6")]
    public static double Mean(HistogramSample h) => h.Sample.Mean;

    /// <summary>Discretised intensity variance (1/N) Σ (X_d,k − μ)².</summary>
    [IbsiFeature("variance", "CH89")]
    public static double Variance(HistogramSample h) => h.Sample.Variance;

    /// <summary>Discretised intensity skewness (1/N) Σ (X_d,k − μ)³ / σ³ (0 when σ = 0).</summary>
    [IbsiFeature("skewness", "88K1")]
    public static double Skewness(HistogramSample h) => Moments.Skewness(h.Sample);

    /// <summary>Excess discretised intensity kurtosis (1/N) Σ (X_d,k − μ)⁴ / σ⁴ − 3 (0 when σ = 0).</summary>
    [IbsiFeature("kurtosis", "C3I7")]
    public static double Kurtosis(HistogramSample h) => Moments.ExcessKurtosis(h.Sample);

    /// <summary>Median discretised intensity P50.</summary>
    [IbsiFeature("median", "WIFQ")]
    public static double Median(HistogramSample h) => h.Sample.Percentile(0.5);

    /// <summary>Minimum discretised intensity.</summary>
    [IbsiFeature("min", "1PR8")]
    public static double Minimum(HistogramSample h) => IntensityStatistics.Minimum(h.Sample);

    /// <summary>10th discretised intensity percentile P10.</summary>
    [IbsiFeature("p10", "GPMT")]
    public static double Percentile10(HistogramSample h) => h.Sample.Percentile(0.10);

    /// <summary>90th discretised intensity percentile P90.</summary>
    [IbsiFeature("p90", "OZ0C")]
    public static double Percentile90(HistogramSample h) => h.Sample.Percentile(0.90);

    /// <summary>Maximum discretised intensity.</summary>
    [IbsiFeature("max", "3NCY")]
    public static double Maximum(HistogramSample h) => IntensityStatistics.Maximum(h.Sample);

    /// <summary>Mode: the most frequent grey level argmax_i n_i (the lowest of ties).</summary>
    [IbsiFeature("mode", "AMMC")]
    public static double Mode(HistogramSample h)
    {
        if (h.Sample.Count == 0)
        {
            return double.NaN;
        }

        var best = 1;
        for (var i = 2; i <= h.LevelCount; i++)
        {
            if (h.Counts[i] > h.Counts[best])
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>Discretised intensity interquartile range P75 − P25.</summary>
    [IbsiFeature("iqr", "WR0O")]
    public static double InterquartileRange(HistogramSample h) => IntensityStatistics.InterquartileRange(h.Sample);

    /// <summary>Discretised intensity range max − min.</summary>
    [IbsiFeature("range", "5Z3W")]
    public static double Range(HistogramSample h) => IntensityStatistics.Range(h.Sample);

    /// <summary>Mean absolute deviation (1/N) Σ |X_d,k − μ|.</summary>
    [IbsiFeature("mad", "D2ZX")]
    public static double MeanAbsoluteDeviation(HistogramSample h) => IntensityStatistics.MeanAbsoluteDeviation(h.Sample);

    /// <summary>Robust mean absolute deviation over the grey levels between P10 and P90.</summary>
    [IbsiFeature("rmad", "WRZB")]
    public static double RobustMeanAbsoluteDeviation(HistogramSample h) => h.Sample.RobustMeanAbsoluteDeviation();

    /// <summary>Median absolute deviation (1/N) Σ |X_d,k − P50|.</summary>
    [IbsiFeature("medad", "4RNL")]
    public static double MedianAbsoluteDeviation(HistogramSample h) => IntensityStatistics.MedianAbsoluteDeviation(h.Sample);

    /// <summary>Coefficient of variation σ/μ.</summary>
    [IbsiFeature("cov", "CWYJ")]
    public static double CoefficientOfVariation(HistogramSample h) => IntensityStatistics.CoefficientOfVariation(h.Sample);

    /// <summary>Quartile coefficient of dispersion (P75 − P25)/(P75 + P25).</summary>
    [IbsiFeature("qcod", "SLWD")]
    public static double QuartileCoefficientOfDispersion(HistogramSample h) => IntensityStatistics.QuartileCoefficientOfDispersion(h.Sample);

    /// <summary>Entropy −Σ p_i log₂ p_i.</summary>
    [IbsiFeature("entropy", "TLU2")]
    public static double Entropy(HistogramSample h)
    {
        if (h.Sample.Count == 0)
        {
            return double.NaN;
        }

        double entropy = 0;
        for (var i = 1; i <= h.LevelCount; i++)
        {
            if (h.Counts[i] > 0)
            {
                var p = (double)h.Counts[i] / h.Sample.Count;
                entropy -= p * Math.Log2(p);
            }
        }

        return entropy;
    }

    /// <summary>Uniformity Σ p_i².</summary>
    [IbsiFeature("uniformity", "BJ5W")]
    public static double Uniformity(HistogramSample h)
    {
        if (h.Sample.Count == 0)
        {
            return double.NaN;
        }

        double sum = 0;
        for (var i = 1; i <= h.LevelCount; i++)
        {
            var p = (double)h.Counts[i] / h.Sample.Count;
            sum += p * p;
        }

        return sum;
    }

    /// <summary>Maximum histogram gradient max_i H'(i) (see <see cref="HistogramSample.Gradient"/>).</summary>
    [IbsiFeature("max_grad", "12CE")]
    public static double MaximumGradient(HistogramSample h) => ExtremeGradient(h, +1).Value;

    /// <summary>Maximum histogram gradient grey level argmax_i H'(i).</summary>
    [IbsiFeature("max_grad_level", "8E6O")]
    public static double MaximumGradientLevel(HistogramSample h) => ExtremeGradient(h, +1).Level;

    /// <summary>Minimum histogram gradient min_i H'(i).</summary>
    [IbsiFeature("min_grad", "VQB3")]
    public static double MinimumGradient(HistogramSample h) => ExtremeGradient(h, -1).Value;

    /// <summary>Minimum histogram gradient grey level argmin_i H'(i).</summary>
    [IbsiFeature("min_grad_level", "RHQZ")]
    public static double MinimumGradientLevel(HistogramSample h) => ExtremeGradient(h, -1).Level;

    private static (double Value, double Level) ExtremeGradient(HistogramSample h, int sign)
    {
        if (h.Sample.Count == 0)
        {
            return (double.NaN, double.NaN);
        }

        var (best, level) = (h.Gradient(1), 1);
        for (var i = 2; i <= h.LevelCount; i++)
        {
            var g = h.Gradient(i);
            if (sign * g > sign * best)
            {
                (best, level) = (g, i);
            }
        }

        return (best, level);
    }
}
