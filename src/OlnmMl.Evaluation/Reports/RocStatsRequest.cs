namespace OlnmMl.Evaluation.Reports;

/// <summary>What <c>olnm stats roc</c> asks for.</summary>
/// <param name="LabelColumn">Label column (1/0 or true/false; 1 = positive).</param>
/// <param name="Score">Score column (higher = positive).</param>
/// <param name="Compare">Optional second score column, compared to <paramref name="Score"/> by paired DeLong.</param>
/// <param name="CohortColumn">Optional cohort column: statistics are then given per cohort.</param>
/// <param name="TrainingCohort">
/// Optional cohort whose Youden cut-off is carried to every cohort (needs <paramref name="CohortColumn"/>);
/// without it each cohort uses its own Youden cut-off.
/// </param>
/// <param name="ConfidenceLevel">Level of the AUC intervals.</param>
public sealed record RocStatsRequest(
    string LabelColumn,
    string Score,
    string? Compare = null,
    string? CohortColumn = null,
    string? TrainingCohort = null,
    double ConfidenceLevel = 0.95)
{
    /// <summary>The score columns to read: Score, then Compare if given.</summary>
    public IReadOnlyList<string> ScoreColumns => Compare is null ? [Score] : [Score, Compare];
}
