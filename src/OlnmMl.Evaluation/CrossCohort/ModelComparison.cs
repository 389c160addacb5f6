namespace OlnmMl.Evaluation.CrossCohort;

/// <summary>Two models compared cohort by cohort with paired DeLong tests.</summary>
/// <param name="ModelA">First model (AUC₁).</param>
/// <param name="ModelB">Second model (AUC₂).</param>
/// <param name="Adjustment">Adjustment applied across cohorts.</param>
/// <param name="Cohorts">One comparison per cohort, in the order given.</param>
public sealed record ModelComparison(string ModelA, string ModelB, PValueAdjustment Adjustment, IReadOnlyList<CohortComparison> Cohorts);
