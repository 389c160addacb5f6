using System.Collections.Immutable;
using OlnmMl.Evaluation.Calibration;
using OlnmMl.Evaluation.Roc;

namespace OlnmMl.AutoML.Runner;

/// <summary>
/// The metrics stored with a trial for each cohort: n, positives, role code (0 training, 1 selection, 2 external),
/// AUC with its DeLong 95% CI (NaN when undefined) and Brier score. The leaderboard recomputes everything else from
/// the stored per-case predictions.
/// </summary>
public static class CohortSummary
{
    /// <summary>Metric names → values for <paramref name="cohort"/>.</summary>
    public static ImmutableSortedDictionary<string, double> Compute(CohortPredictions cohort)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        var p = cohort.Probabilities.ToArray();
        var y = cohort.Labels.ToArray();
        var auc = DeLong.Estimate(p, y);
        return new Dictionary<string, double>
        {
            ["n"] = p.Length,
            ["positives"] = y.Count(l => l),
            ["role"] = (int)cohort.Role,
            ["auc"] = auc.Auc,
            ["auc_ci_lower"] = auc.CiLower,
            ["auc_ci_upper"] = auc.CiUpper,
            ["brier"] = p.Length == 0 ? double.NaN : BrierScore.Compute(p, y),
        }.ToImmutableSortedDictionary(StringComparer.Ordinal);
    }
}
