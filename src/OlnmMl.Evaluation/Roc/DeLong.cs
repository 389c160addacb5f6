using System.Buffers;
using OlnmMl.Evaluation.Distributions;

namespace OlnmMl.Evaluation.Roc;

/// <summary>
/// AUC, DeLong variance/covariance and DeLong tests (DeLong, DeLong &amp; Clarke-Pearson 1988,
/// Biometrics 44:837), computed in O(N log N) by <see cref="Placements"/>.
/// For scores r, s with placements V10ʳ, V01ʳ: S10ʳˢ = Σᵢ (V10ʳᵢ − Aʳ)(V10ˢᵢ − Aˢ)/(m − 1),
/// S01ʳˢ = Σⱼ (V01ʳⱼ − Aʳ)(V01ˢⱼ − Aˢ)/(n − 1), Cov(Aʳ, Aˢ) = S10ʳˢ/m + S01ʳˢ/n.
/// Cases whose score is NaN or infinite are dropped (for paired statistics: cases where any score is).
/// </summary>
public static class DeLong
{
    /// <summary>AUC (ties ½, higher score = positive) without the variance. NaN when a class is missing.</summary>
    /// <param name="scores">One score per case.</param>
    /// <param name="labels">One label per case: true = positive.</param>
    public static double Auc(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        var (m, n, dropped) = CaseSet.Count(scores, labels);
        if (CaseSet.TwoClassReason(m, n) is not null) return double.NaN;
        if (dropped > 0)
        {
            var (finiteScores, finiteLabels) = CaseSet.Finite(scores, labels);
            return AucOfFinite(finiteScores, finiteLabels, m, n);
        }

        return AucOfFinite(scores, labels, m, n);
    }

    /// <summary>AUC with DeLong variance and Wald confidence interval (see <see cref="AucEstimate"/>).</summary>
    /// <param name="scores">One score per case.</param>
    /// <param name="labels">One label per case: true = positive.</param>
    /// <param name="confidenceLevel">Level in (0, 1), default 0.95.</param>
    /// <exception cref="ArgumentException">Different lengths, or a level outside (0, 1).</exception>
    public static AucEstimate Estimate(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels, double confidenceLevel = 0.95)
    {
        double z = CriticalValue(confidenceLevel);
        var (m, n, dropped) = CaseSet.Count(scores, labels);
        string? reason = CaseSet.TwoClassReason(m, n);
        if (reason is not null)
        {
            return new AucEstimate(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, confidenceLevel, m, n, dropped, reason);
        }

        if (dropped > 0)
        {
            var (finiteScores, finiteLabels) = CaseSet.Finite(scores, labels);
            return EstimateFinite(finiteScores, finiteLabels, m, n, dropped, z, confidenceLevel);
        }

        return EstimateFinite(scores, labels, m, n, dropped, z, confidenceLevel);
    }

    /// <summary>
    /// AUCs and their DeLong covariance matrix for several scores of the same cases
    /// (cases where any score is non-finite are dropped).
    /// </summary>
    /// <param name="scores">k score vectors, each one value per case.</param>
    /// <param name="labels">One label per case: true = positive.</param>
    /// <exception cref="ArgumentException">No score vectors, or lengths that differ.</exception>
    public static AucCovariance Covariance(IReadOnlyList<double[]> scores, ReadOnlySpan<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count == 0) throw new ArgumentException("At least one score vector is required.", nameof(scores));
        for (int r = 0; r < scores.Count; r++) CaseSet.RequireSameLength(scores[r].Length, labels.Length, $"scores[{r}]");

        int total = labels.Length;
        var keep = new bool[total];
        int dropped = 0, m = 0, n = 0;
        for (int i = 0; i < total; i++)
        {
            bool finite = true;
            for (int r = 0; r < scores.Count && finite; r++) finite = double.IsFinite(scores[r][i]);
            keep[i] = finite;
            if (!finite) dropped++;
            else if (labels[i]) m++;
            else n++;
        }

        int k = scores.Count;
        var aucs = new double[k];
        var covariance = new double[k][];
        for (int r = 0; r < k; r++) covariance[r] = new double[k];
        string? reason = CaseSet.TwoClassReason(m, n);
        if (reason is not null)
        {
            Fill(aucs, covariance, double.NaN, fillAucs: true);
            return new AucCovariance(aucs, covariance, m, n, dropped, reason);
        }

        var keptLabels = new bool[m + n];
        var keptScores = new double[m + n];
        for (int i = 0, c = 0; i < total; i++) if (keep[i]) keptLabels[c++] = labels[i];
        var v10 = new double[k][];
        var v01 = new double[k][];
        for (int r = 0; r < k; r++)
        {
            for (int i = 0, c = 0; i < total; i++) if (keep[i]) keptScores[c++] = scores[r][i];
            v10[r] = new double[m];
            v01[r] = new double[n];
            aucs[r] = Placements.Compute(keptScores, keptLabels, v10[r], v01[r]);
        }

        if (m < 2 || n < 2)
        {
            Fill(aucs, covariance, double.NaN, fillAucs: false);
            return new AucCovariance(aucs, covariance, m, n, dropped, Undefined.TooFewForVariance);
        }

        for (int r = 0; r < k; r++)
        {
            for (int s = r; s < k; s++)
            {
                double cov = CrossProduct(v10[r], v10[s], aucs[r], aucs[s]) / ((m - 1.0) * m)
                    + CrossProduct(v01[r], v01[s], aucs[r], aucs[s]) / ((n - 1.0) * n);
                covariance[r][s] = cov;
                covariance[s][r] = cov;
            }
        }

        return new AucCovariance(aucs, covariance, m, n, dropped, null);
    }

    /// <summary>
    /// Paired DeLong test of two scores on the same cases (see <see cref="AucComparison"/>);
    /// the difference interval uses <paramref name="confidenceLevel"/>.
    /// </summary>
    /// <param name="first">Score 1, one value per case.</param>
    /// <param name="second">Score 2, one value per case.</param>
    /// <param name="labels">One label per case: true = positive.</param>
    /// <param name="confidenceLevel">Level of the difference interval, default 0.95.</param>
    public static AucComparison PairedTest(double[] first, double[] second, ReadOnlySpan<bool> labels, double confidenceLevel = 0.95)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        double z = CriticalValue(confidenceLevel);
        const string name = "paired DeLong";
        AucCovariance cov = Covariance([first, second], labels);
        int cases = cov.Positives + cov.Negatives;
        double a1 = cov.Aucs[0], a2 = cov.Aucs[1], difference = a1 - a2;
        if (cov.UndefinedReason is not null)
        {
            return new AucComparison(name, a1, a2, difference, double.NaN, double.NaN, double.PositiveInfinity, double.NaN, double.NaN, double.NaN, cases, cov.UndefinedReason);
        }

        double variance = Math.Max(0, cov.Covariance[0][0] + cov.Covariance[1][1] - 2 * cov.Covariance[0][1]);
        double se = Math.Sqrt(variance);
        var (statistic, p, note) = Ratio(difference, se, double.PositiveInfinity);
        return new AucComparison(name, a1, a2, difference, se, statistic, double.PositiveInfinity, p, difference - z * se, difference + z * se, cases, note);
    }

    /// <summary>
    /// Unpaired (Welch-type) DeLong test of one score's AUC in two independent cohorts
    /// (see <see cref="AucComparison"/>).
    /// </summary>
    /// <param name="scores1">Scores of cohort 1.</param>
    /// <param name="labels1">Labels of cohort 1.</param>
    /// <param name="scores2">Scores of cohort 2.</param>
    /// <param name="labels2">Labels of cohort 2.</param>
    public static AucComparison UnpairedTest(ReadOnlySpan<double> scores1, ReadOnlySpan<bool> labels1, ReadOnlySpan<double> scores2, ReadOnlySpan<bool> labels2)
    {
        const string name = "unpaired DeLong (Welch)";
        AucEstimate e1 = Estimate(scores1, labels1);
        AucEstimate e2 = Estimate(scores2, labels2);
        int cases = e1.Positives + e1.Negatives + e2.Positives + e2.Negatives;
        double difference = e1.Auc - e2.Auc;
        string? reason = e1.UndefinedReason ?? e2.UndefinedReason;
        if (reason is not null)
        {
            return new AucComparison(name, e1.Auc, e2.Auc, difference, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, cases, reason);
        }

        double v1 = e1.Variance, v2 = e2.Variance;
        double se = Math.Sqrt(v1 + v2);
        double df = (v1 + v2) * (v1 + v2)
            / (v1 * v1 / (e1.Positives + e1.Negatives - 1) + v2 * v2 / (e2.Positives + e2.Negatives - 1));
        var (statistic, p, note) = Ratio(difference, se, df);
        return new AucComparison(name, e1.Auc, e2.Auc, difference, se, statistic, df, p, double.NaN, double.NaN, cases, note);
    }

    /// <summary>z_{(1+level)/2}, the two-sided normal critical value.</summary>
    internal static double CriticalValue(double confidenceLevel)
    {
        if (!(confidenceLevel > 0 && confidenceLevel < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidenceLevel), confidenceLevel, "Confidence level must lie strictly between 0 and 1 (e.g. 0.95).");
        }

        return Normal.Quantile(0.5 + confidenceLevel / 2);
    }

    private static AucEstimate EstimateFinite(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels, int m, int n, int dropped, double z, double level)
    {
        double[] v10Buffer = ArrayPool<double>.Shared.Rent(m);
        double[] v01Buffer = ArrayPool<double>.Shared.Rent(n);
        try
        {
            Span<double> v10 = v10Buffer.AsSpan(0, m);
            Span<double> v01 = v01Buffer.AsSpan(0, n);
            double auc = Placements.Compute(scores, labels, v10, v01);
            if (m < 2 || n < 2)
            {
                return new AucEstimate(auc, double.NaN, double.NaN, double.NaN, double.NaN, level, m, n, dropped, Undefined.TooFewForVariance);
            }

            if (AllEqual(scores))
            {
                return new AucEstimate(auc, double.NaN, double.NaN, double.NaN, double.NaN, level, m, n, dropped, Undefined.ConstantScore);
            }

            double variance = CrossProduct(v10, v10, auc, auc) / ((m - 1.0) * m) + CrossProduct(v01, v01, auc, auc) / ((n - 1.0) * n);
            double se = Math.Sqrt(variance);
            return new AucEstimate(auc, variance, se, Math.Max(0, auc - z * se), Math.Min(1, auc + z * se), level, m, n, dropped, null);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(v10Buffer);
            ArrayPool<double>.Shared.Return(v01Buffer);
        }
    }

    private static bool AllEqual(ReadOnlySpan<double> scores)
    {
        foreach (double score in scores)
        {
            if (score != scores[0]) return false;
        }

        return true;
    }

    private static double AucOfFinite(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels, int m, int n)
    {
        double[] v10Buffer = ArrayPool<double>.Shared.Rent(m);
        double[] v01Buffer = ArrayPool<double>.Shared.Rent(n);
        try
        {
            return Placements.Compute(scores, labels, v10Buffer.AsSpan(0, m), v01Buffer.AsSpan(0, n));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(v10Buffer);
            ArrayPool<double>.Shared.Return(v01Buffer);
        }
    }

    private static double CrossProduct(ReadOnlySpan<double> a, ReadOnlySpan<double> b, double meanA, double meanB)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++) sum += (a[i] - meanA) * (b[i] - meanB);
        return sum;
    }

    private static (double Statistic, double P, string? Note) Ratio(double difference, double se, double df)
    {
        if (se > 0)
        {
            double statistic = difference / se;
            return (statistic, double.IsPositiveInfinity(df) ? Normal.TwoSidedP(statistic) : StudentT.TwoSidedP(statistic, df), null);
        }

        return difference == 0
            ? (0, 1, Undefined.IdenticalCurves)
            : (difference > 0 ? double.PositiveInfinity : double.NegativeInfinity, 0, "standard error of the difference is 0");
    }

    private static void Fill(double[] aucs, double[][] covariance, double value, bool fillAucs)
    {
        if (fillAucs) Array.Fill(aucs, value);
        foreach (double[] row in covariance) Array.Fill(row, value);
    }
}
