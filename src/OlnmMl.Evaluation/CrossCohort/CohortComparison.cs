using OlnmMl.Evaluation.Roc;

namespace OlnmMl.Evaluation.CrossCohort;

/// <summary>Paired DeLong comparison of two models on one cohort.</summary>
/// <param name="Cohort">Cohort name.</param>
/// <param name="Test">The paired DeLong test (AUC₁ is model A).</param>
/// <param name="AdjustedPValue">p adjusted across the cohorts of the comparison.</param>
public sealed record CohortComparison(string Cohort, AucComparison Test, double AdjustedPValue);
