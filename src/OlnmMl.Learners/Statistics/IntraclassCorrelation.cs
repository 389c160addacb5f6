namespace OlnmMl.Learners.Statistics;

/// <summary>Shrout &amp; Fleiss (1979) single-measure intraclass correlation forms.</summary>
public enum IccForm
{
    /// <summary>ICC(3,1), two-way mixed, consistency: (MSR − MSE) / (MSR + (k−1)MSE).</summary>
    Consistency31,

    /// <summary>ICC(2,1), two-way random, absolute agreement: (MSR − MSE) / (MSR + (k−1)MSE + k(MSC − MSE)/n).</summary>
    Agreement21,
}

/// <summary>
/// Intraclass correlation from the two-way ANOVA of n targets × k raters: MSR = k Σ(ȳ_i − ȳ)²/(n−1),
/// MSC = n Σ(ȳ_r − ȳ)²/(k−1), MSE = (SST − SSR − SSC)/((n−1)(k−1)).
/// </summary>
public static class IntraclassCorrelation
{
    /// <summary>ICC of row-major ratings (n × k); NaN when the denominator is 0 (e.g. a constant feature).</summary>
    public static double Compute(ReadOnlySpan<double> ratings, int n, int k, IccForm form)
    {
        if (n < 2 || k < 2 || ratings.Length != n * k)
            throw new ArgumentException($"ICC needs ≥ 2 targets and ≥ 2 raters; got {n} × {k} with {ratings.Length} values.", nameof(ratings));
        double grand = 0;
        foreach (var r in ratings) grand += r;
        grand /= n * k;

        double ssr = 0, ssc = 0, sst = 0;
        for (int i = 0; i < n; i++)
        {
            double m = 0;
            for (int r = 0; r < k; r++) m += ratings[i * k + r];
            m /= k;
            ssr += (m - grand) * (m - grand);
        }
        ssr *= k;
        for (int r = 0; r < k; r++)
        {
            double m = 0;
            for (int i = 0; i < n; i++) m += ratings[i * k + r];
            m /= n;
            ssc += (m - grand) * (m - grand);
        }
        ssc *= n;
        foreach (var x in ratings) sst += (x - grand) * (x - grand);

        var msr = ssr / (n - 1);
        var msc = ssc / (k - 1);
        var mse = (sst - ssr - ssc) / ((n - 1) * (double)(k - 1));
        var denominator = form == IccForm.Consistency31
            ? msr + (k - 1) * mse
            : msr + (k - 1) * mse + k * (msc - mse) / n;
        return denominator == 0 ? double.NaN : (msr - mse) / denominator;
    }
}
