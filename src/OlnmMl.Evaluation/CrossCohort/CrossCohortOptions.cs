namespace OlnmMl.Evaluation.CrossCohort;

/// <summary>Settings of <see cref="CrossCohortEvaluation.Evaluate"/>.</summary>
/// <param name="ConfidenceLevel">Level of every interval.</param>
/// <param name="ScoresAreProbabilities">
/// When true the Brier score and calibration are computed (scores must lie in [0, 1]); when false
/// (e.g. SVM margins) they are NaN / null.
/// </param>
/// <param name="AverageOver">Cohort names averaged into aAUC; null = every evaluation cohort (not the training one).</param>
public sealed record CrossCohortOptions(
    double ConfidenceLevel = 0.95,
    bool ScoresAreProbabilities = true,
    IReadOnlyList<string>? AverageOver = null);
