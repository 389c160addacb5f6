using OlnmMl.Evaluation.Roc;

namespace OlnmMl.Evaluation.CrossCohort;

/// <summary>How p-values across cohorts are adjusted.</summary>
public enum PValueAdjustment
{
    /// <summary>No adjustment (adjusted = raw).</summary>
    None,

    /// <summary>Holm's step-down (family-wise error).</summary>
    Holm,

    /// <summary>Benjamini–Hochberg (false discovery rate).</summary>
    BenjaminiHochberg,
}

/// <summary>Paired DeLong comparison of two models on one cohort.</summary>
/// <param name="Cohort">Cohort name.</param>
/// <param name="Test">The paired DeLong test (AUC₁ is model A).</param>
/// <param name="AdjustedPValue">p adjusted across the cohorts of the comparison.</param>
public sealed record CohortComparison(string Cohort, AucComparison Test, double AdjustedPValue);

/// <summary>Two models compared cohort by cohort with paired DeLong tests.</summary>
/// <param name="ModelA">First model (AUC₁).</param>
/// <param name="ModelB">Second model (AUC₂).</param>
/// <param name="Adjustment">Adjustment applied across cohorts.</param>
/// <param name="Cohorts">One comparison per cohort, in the order given.</param>
public sealed record ModelComparison(string ModelA, string ModelB, PValueAdjustment Adjustment, IReadOnlyList<CohortComparison> Cohorts);
