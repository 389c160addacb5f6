namespace OlnmMl.Evaluation.Reports;

/// <summary>Paired DeLong comparison of two score columns on one cohort.</summary>
/// <param name="Score">First score (AUC₁).</param>
/// <param name="Compare">Second score (AUC₂).</param>
/// <param name="AucDifference">AUC₁ − AUC₂.</param>
/// <param name="Z">DeLong z.</param>
/// <param name="P">Two-sided p-value.</param>
/// <param name="Cases">Cases with both scores finite.</param>
/// <param name="UndefinedReason">Why z/p are NaN or degenerate; null otherwise.</param>
public sealed record ScoreComparisonStats(string Score, string Compare, double AucDifference, double Z, double P, int Cases, string? UndefinedReason);
