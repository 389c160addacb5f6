namespace OlnmMl.Evaluation.Survival;

/// <summary>A Kaplan–Meier curve (see <see cref="KaplanMeier.Fit"/>).</summary>
/// <param name="Cases">Number of cases.</param>
/// <param name="Events">Number of events.</param>
/// <param name="ConfidenceLevel">Level of the pointwise intervals and of the median's interval.</param>
/// <param name="ConfidenceType">Always "log" (R's default <c>conf.type</c>): Ŝ·exp(±z·σ), not log-log.</param>
/// <param name="Steps">One row per distinct time (events and censorings), ascending.</param>
/// <param name="Median">Median survival with its interval.</param>
public sealed record KaplanMeierCurve(
    int Cases,
    int Events,
    double ConfidenceLevel,
    string ConfidenceType,
    IReadOnlyList<KaplanMeierStep> Steps,
    SurvivalMedian Median);
