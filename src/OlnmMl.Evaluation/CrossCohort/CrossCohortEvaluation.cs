using OlnmMl.Evaluation.Calibration;
using OlnmMl.Evaluation.Roc;
using OlnmMl.Evaluation.Testing;
using OlnmMl.Evaluation.Thresholds;

namespace OlnmMl.Evaluation.CrossCohort;

/// <summary>
/// Per-cohort evaluation of a model with the cut-off fixed on the training cohort (leakage-free:
/// nothing is fitted on the other cohorts), aAUC, and model-vs-model comparisons.
/// </summary>
public static class CrossCohortEvaluation
{
    /// <summary>The direction convention used everywhere in this library.</summary>
    public const string Direction = "higher score = positive; a case is called positive when score >= threshold";

    /// <summary>
    /// Evaluates a model: Youden cut-off on <paramref name="training"/>, then AUC (DeLong CI), threshold
    /// metrics at that cut-off (Wilson CIs), AUPRC, Brier and calibration on every cohort, and aAUC.
    /// </summary>
    /// <param name="model">Model name.</param>
    /// <param name="training">The training cohort (fits the cut-off).</param>
    /// <param name="evaluationCohorts">Internal validation and external test cohorts.</param>
    /// <param name="options">Settings; null = defaults.</param>
    /// <exception cref="ArgumentException">Duplicate cohort names, bad cohort arrays, or an unknown name in AverageOver.</exception>
    public static CrossCohortSummary Evaluate(string model, CohortScores training, IReadOnlyList<CohortScores> evaluationCohorts, CrossCohortOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(evaluationCohorts);
        options ??= new CrossCohortOptions();
        var all = new List<CohortScores> { training };
        all.AddRange(evaluationCohorts);
        RequireUniqueValid(all);

        YoudenCutoff cutoff = YoudenCutoff.Fit(training.Scores, training.Labels);
        var metrics = all.Select((c, i) => Measure(c, i == 0, cutoff.Threshold, options)).ToArray();

        IReadOnlyList<string> averaged = options.AverageOver ?? evaluationCohorts.Select(c => c.Name).ToArray();
        var byName = metrics.ToDictionary(m => m.Cohort, StringComparer.Ordinal);
        foreach (string name in averaged)
        {
            if (!byName.ContainsKey(name))
            {
                throw new ArgumentException($"AverageOver names cohort '{name}', which is not among the cohorts ({string.Join(", ", byName.Keys)}).", nameof(options));
            }
        }

        AverageAuc aAuc = AverageAuc.Of(averaged.Select(name => (name, byName[name].Auc.Auc)));
        return new CrossCohortSummary(model, training.Name, cutoff, metrics, aAuc, options.ConfidenceLevel, Direction);
    }

    /// <summary>
    /// Compares models A and B on each cohort with the paired DeLong test (cohorts matched by name, in
    /// A's order; the labels must be identical, i.e. the same cases in the same order), adjusting the
    /// p-values across cohorts.
    /// </summary>
    /// <param name="modelA">Name of model A.</param>
    /// <param name="cohortsA">Model A's scores per cohort.</param>
    /// <param name="modelB">Name of model B.</param>
    /// <param name="cohortsB">Model B's scores per cohort (same names and cases).</param>
    /// <param name="adjustment">Adjustment across cohorts (default Holm).</param>
    /// <param name="confidenceLevel">Level of the difference intervals.</param>
    /// <exception cref="ArgumentException">A cohort missing from B, or labels that differ between A and B.</exception>
    public static ModelComparison Compare(
        string modelA,
        IReadOnlyList<CohortScores> cohortsA,
        string modelB,
        IReadOnlyList<CohortScores> cohortsB,
        PValueAdjustment adjustment = PValueAdjustment.Holm,
        double confidenceLevel = 0.95)
    {
        ArgumentNullException.ThrowIfNull(cohortsA);
        ArgumentNullException.ThrowIfNull(cohortsB);
        RequireUniqueValid(cohortsA);
        RequireUniqueValid(cohortsB);
        var b = cohortsB.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var tests = new List<(string Cohort, AucComparison Test)>();
        foreach (CohortScores a in cohortsA)
        {
            if (!b.TryGetValue(a.Name, out CohortScores? other))
            {
                throw new ArgumentException($"Cohort '{a.Name}' of model '{modelA}' has no scores for model '{modelB}'.", nameof(cohortsB));
            }

            if (!a.Labels.AsSpan().SequenceEqual(other.Labels))
            {
                throw new ArgumentException($"Cohort '{a.Name}': the labels of '{modelA}' and '{modelB}' differ; a paired test needs the same cases in the same order.", nameof(cohortsB));
            }

            tests.Add((a.Name, DeLong.PairedTest(a.Scores, other.Scores, a.Labels, confidenceLevel)));
        }

        double[] raw = tests.Select(t => t.Test.PValue).ToArray();
        double[] adjusted = adjustment switch
        {
            PValueAdjustment.Holm => MultipleTesting.Holm(raw),
            PValueAdjustment.BenjaminiHochberg => MultipleTesting.BenjaminiHochberg(raw),
            _ => raw,
        };
        var comparisons = tests.Select((t, i) => new CohortComparison(t.Cohort, t.Test, adjusted[i])).ToArray();
        return new ModelComparison(modelA, modelB, adjustment, comparisons);
    }

    private static CohortMetrics Measure(CohortScores cohort, bool isTraining, double threshold, CrossCohortOptions options)
    {
        double level = options.ConfidenceLevel;
        return new CohortMetrics(
            cohort.Name,
            isTraining,
            DeLong.Estimate(cohort.Scores, cohort.Labels, level),
            ThresholdPerformance.At(cohort.Scores, cohort.Labels, threshold, level),
            AveragePrecision.Compute(cohort.Scores, cohort.Labels),
            options.ScoresAreProbabilities ? BrierScore.Compute(cohort.Scores, cohort.Labels) : double.NaN,
            options.ScoresAreProbabilities ? CalibrationFit.Compute(cohort.Scores, cohort.Labels) : null);
    }

    private static void RequireUniqueValid(IReadOnlyList<CohortScores> cohorts)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (CohortScores cohort in cohorts)
        {
            ArgumentNullException.ThrowIfNull(cohort, nameof(cohorts));
            cohort.Validate();
            if (!seen.Add(cohort.Name)) throw new ArgumentException($"Cohort name '{cohort.Name}' appears twice.", nameof(cohorts));
        }
    }
}
