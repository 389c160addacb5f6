using OlnmMl.Evaluation.Thresholds;

namespace OlnmMl.Evaluation.CrossCohort;

/// <summary>A model's evaluation across cohorts, the shape of the papers' result tables.</summary>
/// <param name="Model">Model name.</param>
/// <param name="TrainingCohort">Name of the cohort the cut-off was fitted on.</param>
/// <param name="TrainingCutoff">Youden cut-off fitted on the training cohort, carried to every cohort.</param>
/// <param name="Cohorts">Metrics per cohort, training first, then in the order given.</param>
/// <param name="AverageAuc">aAUC over the chosen cohorts.</param>
/// <param name="ConfidenceLevel">Level of every interval.</param>
/// <param name="Direction">How scores are read, stated for the reader.</param>
public sealed record CrossCohortSummary(
    string Model,
    string TrainingCohort,
    YoudenCutoff TrainingCutoff,
    IReadOnlyList<CohortMetrics> Cohorts,
    AverageAuc AverageAuc,
    double ConfidenceLevel,
    string Direction);
