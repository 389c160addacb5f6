namespace OlnmMl.Evaluation.Reports;

/// <summary>Statistics of one cohort ("all" when no cohort column was given).</summary>
/// <param name="Cohort">Cohort name.</param>
/// <param name="Cases">Rows in the cohort.</param>
/// <param name="Scores">One entry per score column.</param>
/// <param name="Comparison">Paired DeLong comparison when a second score was given.</param>
public sealed record CohortRocStats(string Cohort, int Cases, IReadOnlyList<ScoreRocStats> Scores, ScoreComparisonStats? Comparison);
