using System.Globalization;
using OlnmMl.AutoML.Runner;
using OlnmMl.Evaluation.CrossCohort;
using OlnmMl.Evaluation.Reports;

namespace OlnmMl.Workflows.Reports;

/// <summary>
/// The limitations paragraph, written from what was run and stating only what its inputs support: synthetic data (when
/// it is) or the retrospective design, the external cohorts (none, or how many with their sizes), the cut-offs fitted on
/// training, the selection cohort reused for the choice of model, and every external cohort on which the first model's
/// AUC 95% CI is at least <see cref="WideInterval"/> wide.
/// </summary>
internal static class LimitationsParagraph
{
    /// <summary>An AUC CI at least this wide (upper − lower) is called wide.</summary>
    public const double WideInterval = 0.2;

    /// <summary>Writes the paragraph.</summary>
    /// <param name="models">The report's models, the selected (or first) model first; its cohorts and roles are the study's.</param>
    /// <param name="summaries">The evaluation of each model, in the order of <paramref name="models"/>.</param>
    /// <param name="outcome">Name of the outcome (pN+, N1, …), for the cohort sizes.</param>
    /// <param name="syntheticCohort">The synthetic cohort the data was generated as (e.g. <c>tiny-seed42</c>), or null for patients' data.</param>
    public static string Write(IReadOnlyList<ModelPredictions> models, IReadOnlyList<CrossCohortSummary> summaries, string outcome, string? syntheticCohort)
    {
        var first = models[0];
        var external = first.Cohorts.Where(c => c.Role == CohortRole.External).ToArray();
        var selection = first.Cohorts.Where(c => c.Role == CohortRole.Selection).Select(c => c.Cohort).ToArray();
        var sentences = new List<string>
        {
            syntheticCohort is null
                ? "Limitations. The design is retrospective: every cohort was collected before the analysis, and no model was validated prospectively."
                : $"Limitations. The data are a synthetic cohort ({syntheticCohort}), not patients: the results show what the pipeline does, not how the models would perform in clinical use.",
            external.Length == 0
                ? "No external cohort was evaluated: every estimate comes from the training centres, and transportability to other centres is untested."
                : $"External validation rests on {external.Length} cohort{(external.Length == 1 ? string.Empty : "s")}: {string.Join("; ", external.Select(c => Size(c, outcome)))}.",
            $"Each model's cut-off was fitted on the training cohort ({first.Training.Cohort}) and not refitted; the training-cohort estimates are apparent performance, and the threshold metrics elsewhere depend on how well that cut-off transfers.",
        };
        if (selection.Length > 0)
        {
            sentences.Add($"The selection cohort ({string.Join(", ", selection)}) chose the models (the tuner's objective and each family's best trial), so its estimates are optimistically biased; only the external cohorts are untouched by the choice.");
        }

        var wide = summaries[0].Cohorts
            .Where(c => external.Any(e => e.Cohort == c.Cohort) && c.Auc.CiUpper - c.Auc.CiLower >= WideInterval)
            .Select(c => $"{c.Cohort} ({StatisticText.Value(c.Auc.CiLower)}–{StatisticText.Value(c.Auc.CiUpper)})")
            .ToArray();
        if (wide.Length > 0)
        {
            sentences.Add($"External cohorts too small for precise estimates: the AUC 95% CI of {first.Model} is {WideInterval:0.0} or wider on {string.Join(", ", wide)}, so differences between models smaller than that cannot be resolved there.");
        }

        return string.Join(" ", sentences);
    }

    private static string Size(CohortPredictions cohort, string outcome) =>
        string.Create(CultureInfo.InvariantCulture, $"{cohort.Cohort} (n = {cohort.Labels.Count}, {outcome} = {cohort.Labels.Count(l => l)})");
}
