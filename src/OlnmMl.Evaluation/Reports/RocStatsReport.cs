namespace OlnmMl.Evaluation.Reports;

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
