using System.Globalization;
using OlnmMl.Cli.Terminal;
using OlnmMl.Evaluation.Reports;

namespace OlnmMl.Cli.Commands;

/// <summary>
/// Prints an <c>olnm stats survival</c> report: the Kaplan–Meier median with its interval for all cases and each
/// group, the log-rank test when there are groups, and the Cox hazard-ratio table when there are covariates
/// (possibly infinite coefficients as warnings).
/// </summary>
internal static class SurvivalStatsSummary
{
    public static void Print(SurvivalStatsReport report)
    {
        foreach (var (group, curve) in report.KaplanMeier)
        {
            var median = curve.Median;
            Output.Line(Invariant($"{group}: {curve.Cases} cases, {curve.Events} events, median survival {median.Median:G6} ({curve.ConfidenceLevel * 100:0.#}% CI {median.CiLower:G6}–{median.CiUpper:G6})"));
        }

        if (report.LogRank is { } test)
        {
            Output.Line(Invariant($"log-rank across {report.GroupColumn} ({string.Join(", ", report.Groups)}): χ² {test.ChiSquare:0.000} on {test.DegreesOfFreedom} df, p {test.PValue:G4}"));
        }

        if (report.Cox is not { } cox) return;
        Output.Line(Invariant($"Cox model ({cox.Ties.ToString().ToLowerInvariant()} ties), {cox.Cases} cases, {cox.Events} events:"));
        int width = Math.Max("covariate".Length, cox.Coefficients.Max(c => c.Name.Length));
        Output.Line(Invariant($"  {"covariate".PadRight(width)}  {"HR",9}  {"95% CI",-21}  {"p",9}"));
        foreach (var c in cox.Coefficients)
        {
            Output.Line(Invariant($"  {c.Name.PadRight(width)}  {c.HazardRatio,9:G4}  {$"{c.HazardRatioCiLower:G4}–{c.HazardRatioCiUpper:G4}",-21}  {c.PValue,9:G3}"));
        }

        Output.Line(Invariant($"  likelihood ratio χ² {cox.LikelihoodRatio.Statistic:0.00} on {cox.LikelihoodRatio.DegreesOfFreedom} df, p {cox.LikelihoodRatio.PValue:G3}; concordance {cox.Concordance.Value:0.000} (SE {cox.Concordance.StdErr:0.000})"));
        foreach (var warning in cox.Warnings)
        {
            Output.Warning($"{report.Data}: {warning}");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
