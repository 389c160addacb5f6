namespace OlnmMl.Evaluation.Reports;

/// <summary>ROC statistics of one score on one cohort (JSON: snake_case, NaN as "NaN").</summary>
/// <param name="Score">Score column.</param>
/// <param name="Positives">Positive cases with a finite score.</param>
/// <param name="Negatives">Negative cases with a finite score.</param>
/// <param name="ExcludedMissing">Cases dropped for a missing score.</param>
/// <param name="Auc">AUC (ties ½).</param>
/// <param name="AucCiLower">DeLong lower limit.</param>
/// <param name="AucCiUpper">DeLong upper limit.</param>
/// <param name="DelongVariance">DeLong variance of the AUC.</param>
/// <param name="YoudenThreshold">Cut-off used for sensitivity/specificity (score ≥ threshold is positive).</param>
/// <param name="YoudenThresholdSource">"this cohort" or "training cohort '&lt;name&gt;'".</param>
/// <param name="Sensitivity">Sensitivity at the cut-off.</param>
/// <param name="Specificity">Specificity at the cut-off.</param>
/// <param name="UndefinedReason">Why some value is NaN; null when all are defined.</param>
public sealed record ScoreRocStats(
    string Score,
    int Positives,
    int Negatives,
    int ExcludedMissing,
    double Auc,
    double AucCiLower,
    double AucCiUpper,
    double DelongVariance,
    double YoudenThreshold,
    string YoudenThresholdSource,
    double Sensitivity,
    double Specificity,
    string? UndefinedReason);

/// <summary>Paired DeLong comparison of two score columns on one cohort.</summary>
/// <param name="Score">First score (AUC₁).</param>
/// <param name="Compare">Second score (AUC₂).</param>
/// <param name="AucDifference">AUC₁ − AUC₂.</param>
/// <param name="Z">DeLong z.</param>
/// <param name="P">Two-sided p-value.</param>
/// <param name="Cases">Cases with both scores finite.</param>
/// <param name="UndefinedReason">Why z/p are NaN or degenerate; null otherwise.</param>
public sealed record ScoreComparisonStats(string Score, string Compare, double AucDifference, double Z, double P, int Cases, string? UndefinedReason);

/// <summary>Statistics of one cohort ("all" when no cohort column was given).</summary>
/// <param name="Cohort">Cohort name.</param>
/// <param name="Cases">Rows in the cohort.</param>
/// <param name="Scores">One entry per score column.</param>
/// <param name="Comparison">Paired DeLong comparison when a second score was given.</param>
public sealed record CohortRocStats(string Cohort, int Cases, IReadOnlyList<ScoreRocStats> Scores, ScoreComparisonStats? Comparison);

/// <summary>The output of <c>olnm stats roc</c>.</summary>
/// <param name="Data">Source of the score table.</param>
/// <param name="Label">Label column.</param>
/// <param name="Direction">How scores are read.</param>
/// <param name="CiMethod">How the AUC intervals were computed.</param>
/// <param name="ConfidenceLevel">Level of the intervals.</param>
/// <param name="CohortColumn">Cohort column or null.</param>
/// <param name="TrainingCohort">Cohort whose cut-off was carried, or null.</param>
/// <param name="Cohorts">Per-cohort statistics, in order of first appearance.</param>
/// <param name="LibraryVersion">OlnmMl.Evaluation assembly version (provenance).</param>
public sealed record RocStatsReport(
    string Data,
    string Label,
    string Direction,
    string CiMethod,
    double ConfidenceLevel,
    string? CohortColumn,
    string? TrainingCohort,
    IReadOnlyList<CohortRocStats> Cohorts,
    string LibraryVersion);
