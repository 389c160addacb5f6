namespace OlnmMl.Radiomics.Features;

/// <summary>
/// Sorted ROI intensities (or grey levels) with their moments, shared by the statistics and histogram
/// families. Percentiles interpolate linearly between order statistics: P_q = x_(⌊h⌋) + (h − ⌊h⌋)(x_(⌊h⌋+1) − x_(⌊h⌋)),
/// h = q (N − 1), zero-based.
/// </summary>
public sealed class IntensitySample
{
    /// <summary>Sorts <paramref name="values"/> (in place) and computes the central moments.</summary>
    public IntensitySample(double[] values)
    {
        Array.Sort(values);
        Sorted = values;
        if (values.Length == 0)
        {
            Mean = Variance = ThirdMoment = FourthMoment = double.NaN;
            return;
        }

        Mean = values.Average();
        double m2 = 0, m3 = 0, m4 = 0;
        foreach (var x in values)
        {
            var d = x - Mean;
            var d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }

        Variance = m2 / values.Length;
        ThirdMoment = m3 / values.Length;
        FourthMoment = m4 / values.Length;
    }

    /// <summary>Ascending values X_1 ≤ … ≤ X_N.</summary>
    public double[] Sorted { get; }

    /// <summary>N, the number of voxels.</summary>
    public int Count => Sorted.Length;

    /// <summary>μ = (1/N) Σ X_k.</summary>
    public double Mean { get; }

    /// <summary>σ² = (1/N) Σ (X_k − μ)².</summary>
    public double Variance { get; }

    /// <summary>(1/N) Σ (X_k − μ)³.</summary>
    public double ThirdMoment { get; }

    /// <summary>(1/N) Σ (X_k − μ)⁴.</summary>
    public double FourthMoment { get; }

    /// <summary>The q-quantile (q in [0, 1]) with linear interpolation; NaN for an empty sample.</summary>
    public double Percentile(double q)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        var h = q * (Count - 1);
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, Count - 1);
        return Sorted[lo] + (h - lo) * (Sorted[hi] - Sorted[lo]);
    }

    /// <summary>(1/N) Σ |X_k − c|.</summary>
    public double MeanAbsoluteDeviationFrom(double c)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        double sum = 0;
        foreach (var x in Sorted)
        {
            sum += Math.Abs(x - c);
        }

        return sum / Count;
    }

    /// <summary>Mean absolute deviation from their mean of the values between P10 and P90 (inclusive).</summary>
    public double RobustMeanAbsoluteDeviation()
    {
        var lo = Percentile(0.10);
        var hi = Percentile(0.90);
        double sum = 0;
        var n = 0;
        foreach (var x in Sorted)
        {
            if (x >= lo && x <= hi)
            {
                sum += x;
                n++;
            }
        }

        if (n == 0)
        {
            return double.NaN;
        }

        var mean = sum / n;
        double deviation = 0;
        foreach (var x in Sorted)
        {
            if (x >= lo && x <= hi)
            {
                deviation += Math.Abs(x - mean);
            }
        }

        return deviation / n;
    }
}
