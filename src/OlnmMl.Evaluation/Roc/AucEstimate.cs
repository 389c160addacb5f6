namespace OlnmMl.Evaluation.Roc;

/// <summary>
/// An AUC with its DeLong variance and Wald confidence interval AUC ± z_{(1+level)/2}·√Var,
/// clipped to [0, 1] (as pROC's <c>ci.auc(method = "delong")</c>).
/// Direction: a higher score means positive; ties count ½.
/// </summary>
/// <param name="Auc">P(X &gt; Y) + ½P(X = Y) for a positive X and a negative Y; NaN when one class is missing.</param>
/// <param name="Variance">DeLong variance S10/m + S01/n; NaN with fewer than 2 cases of a class.</param>
/// <param name="StandardError">√Variance.</param>
/// <param name="CiLower">Lower confidence limit (clipped at 0).</param>
/// <param name="CiUpper">Upper confidence limit (clipped at 1).</param>
/// <param name="ConfidenceLevel">The level of the interval, e.g. 0.95.</param>
/// <param name="Positives">Positive cases used (finite score).</param>
/// <param name="Negatives">Negative cases used (finite score).</param>
/// <param name="ExcludedMissing">Cases dropped because their score was NaN or infinite.</param>
/// <param name="UndefinedReason">Why a field is NaN (see <see cref="Undefined"/>); null when all are defined.</param>
public sealed record AucEstimate(
    double Auc,
    double Variance,
    double StandardError,
    double CiLower,
    double CiUpper,
    double ConfidenceLevel,
    int Positives,
    int Negatives,
    int ExcludedMissing,
    string? UndefinedReason);
