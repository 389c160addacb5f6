using System.Globalization;

namespace OlnmMl.Evaluation.Reports;

/// <summary>
/// The one way statistics are printed everywhere (leaderboard, study report, <c>olnm stats</c>, <c>olnm evaluate</c>):
/// a value to 3 decimals, rounded half away from zero (<c>Math.Round(x, 3, MidpointRounding.AwayFromZero)</c>, so 0.5625
/// reads 0.563 in every table); a p-value the same way, "&lt;0.001" below 0.001; NaN as "n/a".
/// </summary>
public static class StatisticText
{
    /// <summary>A value to 3 decimals, or "n/a" for NaN.</summary>
    public static string Value(double value) =>
        double.IsNaN(value) ? "n/a" : Math.Round(value, 3, MidpointRounding.AwayFromZero).ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>A p-value to 3 decimals, "&lt;0.001" below 0.001, "n/a" for NaN.</summary>
    public static string P(double p) => double.IsNaN(p) ? "n/a" : p < 0.001 ? "<0.001" : Value(p);

    /// <summary>"estimate (lower–upper)", each by <see cref="Value"/>; "n/a" when the estimate is NaN, "estimate (CI n/a)" when only the bounds are.</summary>
    public static string Interval(double estimate, double lower, double upper) =>
        double.IsNaN(estimate) ? "n/a"
        : double.IsNaN(lower) || double.IsNaN(upper) ? $"{Value(estimate)} (CI n/a)"
        : $"{Value(estimate)} ({Value(lower)}–{Value(upper)})";
}
