using OlnmMl.AutoML.Experiments;
using OlnmMl.Evaluation.Calibration;
using OlnmMl.Evaluation.Roc;

namespace OlnmMl.AutoML.Runner;

/// <summary>
/// The tuner's objective: the mean of the metric over the Selection cohorts only (held-out rows of the training
/// centres); Training and External predictions are ignored by construction. Loss is −value for AUC, value otherwise.
/// </summary>
public static class SelectionObjective
{
    /// <summary>True when a larger value of <paramref name="metric"/> is better.</summary>
    public static bool IsMaximised(ObjectiveMetric metric) => metric == ObjectiveMetric.Auc;

    /// <summary>Lower-is-better form of an objective value.</summary>
    public static double ToLoss(ObjectiveMetric metric, double value) => IsMaximised(metric) ? -value : value;

    /// <summary>
    /// The objective over the Selection cohorts of <paramref name="predictions"/>; throws when there is none or the
    /// metric is undefined on one (a single class).
    /// </summary>
    public static double Compute(ObjectiveMetric metric, IEnumerable<CohortPredictions> predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var selection = predictions.Where(p => p.Role == CohortRole.Selection).ToArray();
        if (selection.Length == 0)
        {
            throw new InvalidOperationException("The trial returned no Selection cohort; the objective is computed on training-centre hold-outs only.");
        }

        return selection.Average(cohort => Value(metric, cohort));
    }

    private static double Value(ObjectiveMetric metric, CohortPredictions cohort)
    {
        var p = cohort.Probabilities.ToArray();
        var y = cohort.Labels.ToArray();
        switch (metric)
        {
            case ObjectiveMetric.Auc:
                // The objective needs the AUC alone, defined with one case of each class; its variance (DeLong) is not used.
                var auc = DeLong.Auc(p, y);
                return double.IsNaN(auc)
                    ? throw new InvalidOperationException($"Selection AUC of cohort '{cohort.Cohort}' is undefined: it needs at least one positive and one negative case with a finite score.")
                    : auc;
            case ObjectiveMetric.Brier:
                return BrierScore.Compute(p, y);
            default:
                const double eps = 1e-15;
                var sum = 0.0;
                for (var i = 0; i < p.Length; i++)
                {
                    var q = Math.Clamp(p[i], eps, 1 - eps);
                    sum += y[i] ? Math.Log(q) : Math.Log(1 - q);
                }

                return p.Length == 0
                    ? throw new InvalidOperationException($"Selection cohort '{cohort.Cohort}' is empty.")
                    : -sum / p.Length;
        }
    }
}
