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
