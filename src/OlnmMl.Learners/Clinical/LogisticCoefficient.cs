namespace OlnmMl.Learners.Clinical;

/// <summary>
/// One row of a clinical logistic-regression table: estimate β, Wald standard error SE = √(I⁻¹)_jj,
/// z = β/SE, two-sided p = 2(1 − Φ(|z|)), odds ratio e^β and its confidence interval e^{β ± z_{1−α/2} SE}.
/// </summary>
/// <param name="Name">Variable name ("(Intercept)" for β₀).</param>
/// <param name="Estimate">β.</param>
/// <param name="StandardError">SE(β).</param>
/// <param name="Z">Wald z.</param>
/// <param name="P">Two-sided Wald p-value.</param>
/// <param name="OddsRatio">e^β.</param>
/// <param name="OddsRatioLower">Lower confidence limit of the odds ratio.</param>
/// <param name="OddsRatioUpper">Upper confidence limit of the odds ratio.</param>
public sealed record LogisticCoefficient(string Name, double Estimate, double StandardError, double Z, double P,
    double OddsRatio, double OddsRatioLower, double OddsRatioUpper);
