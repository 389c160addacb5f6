using OlnmMl.Evaluation.Bootstrap;
using OlnmMl.Evaluation.Reclassification;
using OlnmMl.Evaluation.Reports;
using OlnmMl.Evaluation.Roc;

namespace OlnmMl.Workflows.Reports;

/// <summary>How the study report prints numbers: <see cref="StatisticText"/>, the leaderboard's and the CLI's rounding, for every statistic type.</summary>
internal static class ReportFormat
{
    /// <summary>A value to 3 decimals (<see cref="StatisticText.Value"/>).</summary>
    public static string F(double value) => StatisticText.Value(value);

    /// <summary>A p-value (<see cref="StatisticText.P"/>).</summary>
    public static string P(double p) => StatisticText.P(p);

    /// <summary>"estimate (lower–upper)" of a bootstrap interval.</summary>
    public static string Interval(BootstrapInterval interval) => StatisticText.Interval(interval.Estimate, interval.CiLower, interval.CiUpper);

    /// <summary>"index (lower–upper)" of an NRI or IDI with its Wald CI.</summary>
    public static string Interval(ReclassificationIndex index) => StatisticText.Interval(index.Index, index.CiLower, index.CiUpper);

    /// <summary>AUC with its DeLong CI; the CI reads "CI n/a" where the variance is undefined (fewer than 2 cases of a class).</summary>
    public static string Auc(AucEstimate auc) => StatisticText.Interval(auc.Auc, auc.CiLower, auc.CiUpper);
}
