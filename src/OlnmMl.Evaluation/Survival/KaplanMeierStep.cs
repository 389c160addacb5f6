namespace OlnmMl.Evaluation.Survival;

/// <summary>One row of a Kaplan–Meier curve, at a distinct observed time (an event or a censoring), as R's <c>survfit</c> object.</summary>
/// <param name="Time">The time.</param>
/// <param name="AtRisk">Cases with time ≥ <paramref name="Time"/> (n).</param>
/// <param name="Events">Events at <paramref name="Time"/> (d).</param>
/// <param name="Censored">Censorings at <paramref name="Time"/>.</param>
/// <param name="Survival">Ŝ(t) = Π_{tᵢ ≤ t} (1 − dᵢ/nᵢ).</param>
/// <param name="StdErr">Greenwood standard error of Ŝ(t): Ŝ(t)·σ(t) (R's <c>summary(survfit)$std.err</c>); NaN when Ŝ(t) = 0.</param>
/// <param name="LogStdErr">σ(t) = √(Σ_{tᵢ ≤ t} dᵢ/(nᵢ(nᵢ − dᵢ))), the standard error of −log Ŝ(t) (R's <c>survfit(...)$std.err</c>); +∞ once every case at risk had the event.</param>
/// <param name="CiLower">Lower limit, "log" type (R's default): Ŝ(t)·exp(−z·σ(t)); NaN when Ŝ(t) = 0.</param>
/// <param name="CiUpper">Upper limit: min(1, Ŝ(t)·exp(z·σ(t))); NaN when Ŝ(t) = 0.</param>
public sealed record KaplanMeierStep(
    double Time,
    int AtRisk,
    int Events,
    int Censored,
    double Survival,
    double StdErr,
    double LogStdErr,
    double CiLower,
    double CiUpper);
