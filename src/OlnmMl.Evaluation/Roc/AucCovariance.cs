namespace OlnmMl.Evaluation.Roc;

/// <summary>AUCs of k scores on the same cases and their DeLong covariance matrix (k × k, rows as arrays).</summary>
/// <param name="Aucs">AUC of each score (NaN when a class is missing).</param>
/// <param name="Covariance">Cov(Aʳ, Aˢ) = S10ʳˢ/m + S01ʳˢ/n; NaN when a class has fewer than 2 cases.</param>
/// <param name="Positives">Positive cases used (all scores finite).</param>
/// <param name="Negatives">Negative cases used.</param>
/// <param name="ExcludedMissing">Cases dropped because some score was not finite.</param>
/// <param name="UndefinedReason">Why entries are NaN; null when all are defined.</param>
public sealed record AucCovariance(
    IReadOnlyList<double> Aucs,
    IReadOnlyList<double[]> Covariance,
    int Positives,
    int Negatives,
    int ExcludedMissing,
    string? UndefinedReason);
