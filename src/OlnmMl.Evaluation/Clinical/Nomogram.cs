namespace OlnmMl.Evaluation.Clinical;

/// <summary>
/// The nomogram of a logistic model logit P(y = 1) = β₀ + Σ_j β_j x_j (the rms::nomogram convention):
/// <list type="bullet">
/// <item>each predictor spans δ_j = |β_j|·(max_j − min_j) of log odds over its training range; with M = max_j δ_j,
/// points_j(x) = 100·β_j·(x − r_j)/M, where r_j = min_j when β_j ≥ 0 and max_j otherwise, so the predictor of largest
/// δ_j gets 0–100 points and every other 0–100·δ_j/M;</item>
/// <item>total points T = Σ_j points_j(x_j) ∈ [0, T_max], T_max = Σ_j 100·δ_j/M;</item>
/// <item>η = c + T·M/100 with c = β₀ + Σ_j β_j r_j, and risk = σ(η) = 1/(1 + e^{−η}) — exactly the model's probability.</item>
/// </list>
/// </summary>
public sealed class Nomogram
{
    /// <summary>Risk ticks drawn when they fall inside the total-points range.</summary>
    public static readonly IReadOnlyList<double> RiskCandidates = [0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99];

    private readonly double[] _reference;

    /// <summary>The nomogram of the model β₀ = <paramref name="intercept"/> with <paramref name="predictors"/>.</summary>
    /// <exception cref="ArgumentException">No predictor, or every predictor spans zero log odds (M = 0).</exception>
    public Nomogram(double intercept, IReadOnlyList<NomogramPredictor> predictors)
    {
        if (predictors.Count == 0) throw new ArgumentException("A nomogram needs at least one predictor.", nameof(predictors));
        Intercept = intercept;
        Predictors = predictors;
        LogOddsPer100Points = predictors.Max(p => Math.Abs(p.Beta) * (p.Maximum - p.Minimum));
        if (!(LogOddsPer100Points > 0)) throw new ArgumentException("Every predictor spans zero log odds on its training range; there is no points scale.", nameof(predictors));
        _reference = [.. predictors.Select(p => p.Beta >= 0 ? p.Minimum : p.Maximum)];
        Offset = intercept + predictors.Select((p, j) => p.Beta * _reference[j]).Sum();
        MaxTotalPoints = predictors.Sum(p => 100 * Math.Abs(p.Beta) * (p.Maximum - p.Minimum) / LogOddsPer100Points);
    }

    /// <summary>β₀.</summary>
    public double Intercept { get; }

    /// <summary>The predictors in drawing order.</summary>
    public IReadOnlyList<NomogramPredictor> Predictors { get; }

    /// <summary>M = max_j |β_j|·(max_j − min_j): the log odds of 100 points.</summary>
    public double LogOddsPer100Points { get; }

    /// <summary>c = β₀ + Σ_j β_j r_j: the linear predictor at 0 total points.</summary>
    public double Offset { get; }

    /// <summary>T_max: the total points of the highest-risk combination of training ranges.</summary>
    public double MaxTotalPoints { get; }

    /// <summary>points_j(x) = 100·β_j·(x − r_j)/M.</summary>
    public double Points(int predictor, double value) => 100 * Predictors[predictor].Beta * (value - _reference[predictor]) / LogOddsPer100Points;

    /// <summary>T = Σ_j points_j(x_j) for one case (one value per predictor, in order).</summary>
    public double TotalPoints(ReadOnlySpan<double> values)
    {
        if (values.Length != Predictors.Count) throw new ArgumentException($"Expected {Predictors.Count} values, got {values.Length}.", nameof(values));
        var total = 0.0;
        for (int j = 0; j < values.Length; j++) total += Points(j, values[j]);
        return total;
    }

    /// <summary>η = c + T·M/100.</summary>
    public double LinearPredictor(double totalPoints) => Offset + totalPoints * LogOddsPer100Points / 100;

    /// <summary>σ(η(T)).</summary>
    public double Risk(double totalPoints) => 1 / (1 + Math.Exp(-LinearPredictor(totalPoints)));

    /// <summary>T(p) = 100·(logit p − c)/M, the inverse of <see cref="Risk"/>.</summary>
    public double TotalPointsAt(double risk) => 100 * (Math.Log(risk / (1 - risk)) - Offset) / LogOddsPer100Points;

    /// <summary>The tick values of a predictor's axis: its levels (categorical) or nice values inside its training range.</summary>
    public IReadOnlyList<double> PredictorTicks(int predictor) =>
        Predictors[predictor] is { Levels: { } levels } ? levels : NiceTicks.Between(Predictors[predictor].Minimum, Predictors[predictor].Maximum);

    /// <summary>Nice ticks of the Points axis, 0 to 100.</summary>
    public static IReadOnlyList<double> PointsTicks => NiceTicks.Between(0, 100, 10);

    /// <summary>Nice ticks of the Total Points axis, 0 to <see cref="MaxTotalPoints"/>.</summary>
    public IReadOnlyList<double> TotalPointsTicks => NiceTicks.Between(0, MaxTotalPoints, 8);

    /// <summary>The <see cref="RiskCandidates"/> reachable within 0 … <see cref="MaxTotalPoints"/> total points.</summary>
    public IReadOnlyList<double> RiskTicks => [.. RiskCandidates.Where(p => TotalPointsAt(p) is var t && t >= 0 && t <= MaxTotalPoints)];
}
