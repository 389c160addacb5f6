namespace OlnmMl.Radiomics.Features;

/// <summary>
/// Input of the intensity-volume histogram: the (discretised) intensities X_k of the ROI, the range
/// [X_min, X_max] that defines the intensity fraction γ = (X − X_min)/(X_max − X_min), and the step of the
/// intensity grid X_min + j·step on which I_x is searched.
/// </summary>
public sealed class IvhSample
{
    /// <summary>Sorts <paramref name="values"/> in place.</summary>
    public IvhSample(double[] values, double min, double max, double step)
    {
        Array.Sort(values);
        Sorted = values;
        Min = min;
        Max = max;
        Step = step;
    }

    /// <summary>Ascending intensities.</summary>
    public double[] Sorted { get; }

    /// <summary>X_min.</summary>
    public double Min { get; }

    /// <summary>X_max.</summary>
    public double Max { get; }

    /// <summary>Spacing of the intensity grid.</summary>
    public double Step { get; }

    /// <summary>ν(i): the fraction of voxels with X_k ≥ <paramref name="intensity"/>.</summary>
    public double VolumeFractionAtLeast(double intensity)
    {
        var first = LowerBound(intensity - 1e-9 * Math.Max(1, Math.Abs(intensity)));
        return (double)(Sorted.Length - first) / Sorted.Length;
    }

    /// <summary>γ of an intensity; 0 when X_max = X_min.</summary>
    public double Fraction(double intensity) => Max > Min ? (intensity - Min) / (Max - Min) : 0;

    private int LowerBound(double value)
    {
        int lo = 0, hi = Sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (Sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
