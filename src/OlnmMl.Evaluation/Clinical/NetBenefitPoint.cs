namespace OlnmMl.Evaluation.Clinical;

/// <summary>Net benefit of the model and the two default strategies at one threshold probability.</summary>
/// <param name="Threshold">Threshold probability pₜ (treat when p ≥ pₜ).</param>
/// <param name="Model">TP/N − FP/N · pₜ/(1 − pₜ).</param>
/// <param name="TreatAll">π − (1 − π) · pₜ/(1 − pₜ), π the prevalence.</param>
/// <param name="TreatNone">Always 0.</param>
public sealed record NetBenefitPoint(double Threshold, double Model, double TreatAll, double TreatNone);
