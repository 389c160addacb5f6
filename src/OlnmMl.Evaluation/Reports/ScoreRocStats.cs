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
