namespace OlnmMl.Learners.Clinical;

/// <summary>
/// One candidate variable's line of the clinical papers' table: its univariable model's slope row and, when it is in
/// the final model, its multivariable row (each with OR = e^β, CI = e^{β ± z·SE}, Wald p).
/// </summary>
/// <param name="Name">Variable name (slot name of the predictor column).</param>
/// <param name="Univariable">Slope of logit P(y = 1) = β₀ + β·x alone; null when that model cannot be fitted.</param>
/// <param name="Multivariable">Row of the final multivariable model; null unless <paramref name="Entry"/> is <see cref="SignatureEntry.InModel"/>.</param>
/// <param name="Entry">Whether the variable entered and stayed.</param>
public sealed record ClinicalSignatureRow(string Name, LogisticCoefficient? Univariable, LogisticCoefficient? Multivariable, SignatureEntry Entry);
