namespace OlnmMl.Evaluation.Roc;

/// <summary>
/// A test of H0: AUC₁ = AUC₂. Statistic = (AUC₁ − AUC₂) / SE(AUC₁ − AUC₂).
/// Paired (same cases): SE² = Var₁ + Var₂ − 2·Cov₁₂ (DeLong 1988), p from the normal distribution.
/// Unpaired (two cohorts): SE² = Var₁ + Var₂ and p from Student's t with the Welch–Satterthwaite
/// df = (V₁ + V₂)² / (V₁²/(m₁ + n₁ − 1) + V₂²/(m₂ + n₂ − 1)), as pROC's unpaired DeLong test.
/// </summary>
/// <param name="Test">"paired DeLong" or "unpaired DeLong (Welch)".</param>
/// <param name="Auc1">AUC of the first score (or cohort).</param>
/// <param name="Auc2">AUC of the second score (or cohort).</param>
/// <param name="Difference">AUC₁ − AUC₂.</param>
/// <param name="StandardError">SE of the difference.</param>
/// <param name="Statistic">z (paired) or t (unpaired). When SE = 0: 0 if the difference is 0 (p = 1), else ±∞ (p = 0).</param>
/// <param name="DegreesOfFreedom">+∞ for the paired (normal) test; Welch df for the unpaired test.</param>
/// <param name="PValue">Two-sided p-value.</param>
/// <param name="DifferenceCiLower">Lower limit of the Wald interval for the difference (normal quantile; paired test only, NaN otherwise).</param>
/// <param name="DifferenceCiUpper">Upper limit of the Wald interval for the difference.</param>
/// <param name="Cases">Cases used (paired: cases with both scores finite; unpaired: both cohorts).</param>
/// <param name="UndefinedReason">Why the statistic is NaN, or a note when SE = 0; null otherwise.</param>
public sealed record AucComparison(
    string Test,
    double Auc1,
    double Auc2,
    double Difference,
    double StandardError,
    double Statistic,
    double DegreesOfFreedom,
    double PValue,
    double DifferenceCiLower,
    double DifferenceCiUpper,
    int Cases,
    string? UndefinedReason);
