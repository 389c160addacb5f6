namespace OlnmMl.Evaluation.Survival;

/// <summary>One covariate of a Cox model (a row of R's <c>summary(coxph)</c>).</summary>
/// <param name="Name">Covariate name.</param>
/// <param name="Coefficient">β̂ (log hazard ratio per unit).</param>
/// <param name="StdErr">√[I(β̂)⁻¹]ⱼⱼ.</param>
/// <param name="HazardRatio">exp(β̂).</param>
/// <param name="HazardRatioCiLower">exp(β̂ − z·SE).</param>
/// <param name="HazardRatioCiUpper">exp(β̂ + z·SE).</param>
/// <param name="Z">Wald z = β̂/SE.</param>
/// <param name="PValue">Two-sided 2·Φ(−|z|).</param>
public sealed record CoxCoefficient(
    string Name,
    double Coefficient,
    double StdErr,
    double HazardRatio,
    double HazardRatioCiLower,
    double HazardRatioCiUpper,
    double Z,
    double PValue);
