using OlnmMl.AutoML.Runner;
using OlnmMl.Reporting.Tables;
using static OlnmMl.Workflows.Reports.ReportFormat;

namespace OlnmMl.Workflows.Reports;

/// <summary>
/// The papers' table of a tabular model's selected features (<see cref="SelectedFeatures"/>): per feature its selection
/// score and the learner's coefficient or importance with what that number is; the caption names the selection steps,
/// what their score is, the learner and its intercept, and the training cohort every step was fitted on.
/// </summary>
public static class SelectedFeaturesTable
{
    /// <summary>The table (HTML, Markdown and CSV through <see cref="Table"/>).</summary>
    /// <param name="features">The model's selected features.</param>
    /// <param name="model">The model's name in the report.</param>
    /// <param name="training">The model's training-cohort predictions (their cohort name and case count are the caption's).</param>
    public static Table Build(SelectedFeatures features, string model, CohortPredictions training)
    {
        var score = features.ScoreMeaning.Length == 0 ? "" : $" (score: {features.ScoreMeaning})";
        var intercept = features.Intercept is { } b ? $", intercept {F(b)}" : "";
        var title = $"{model}: {features.Rows.Count} feature(s) selected by {features.Selection}{score} and the {features.Learner}{intercept}, "
            + $"every step fitted on the {training.Cohort} cohort only ({training.Labels.Count} cases)";
        return new Table(title, ["feature", "selection score", "coefficient or importance", "meaning"],
            [.. features.Rows.Select(row => (IReadOnlyList<string>)
            [
                row.Name,
                row.Score is not { } s ? "" : features.ScoreIsP ? P(s) : F(s),
                row.Weight is { } w ? F(w) : "",
                row.Meaning,
            ])]);
    }
}
