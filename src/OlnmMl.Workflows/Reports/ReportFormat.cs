using System.Globalization;
using OlnmMl.Evaluation.Bootstrap;
using OlnmMl.Evaluation.Roc;

namespace OlnmMl.Workflows.Reports;

/// <summary>How the study report prints numbers: 3 decimals, "n/a" for NaN, p below 0.001 as "&lt;0.001".</summary>
internal static class ReportFormat
{
    /// <summary>A value to 3 decimals.</summary>
    public static string F(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>A p-value to 3 decimals, "&lt;0.001" below.</summary>
    public static string P(double p) => double.IsNaN(p) ? "n/a" : p < 0.001 ? "<0.001" : p.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>"estimate (lower–upper)" of a bootstrap interval.</summary>
    public static string Interval(BootstrapInterval interval) =>
        double.IsNaN(interval.Estimate) ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{interval.Estimate:0.000} ({interval.CiLower:0.000}–{interval.CiUpper:0.000})");

    /// <summary>AUC with its DeLong CI; the CI reads "CI n/a" where the variance is undefined (fewer than 2 cases of a class).</summary>
    public static string Auc(AucEstimate auc) =>
        double.IsNaN(auc.Auc) ? "n/a"
        : double.IsNaN(auc.CiLower) ? string.Create(CultureInfo.InvariantCulture, $"{auc.Auc:0.000} (CI n/a)")
        : string.Create(CultureInfo.InvariantCulture, $"{auc.Auc:0.000} ({auc.CiLower:0.000}–{auc.CiUpper:0.000})");
}
