namespace OlnmMl.AutoML.Tuners;

/// <summary>Settings of <see cref="AshaTuner"/>: rung budgets are b_k = min(MinBudget·η^k, MaxBudget).</summary>
public sealed record AshaOptions
{
    /// <summary>Budget (epochs) of the lowest rung.</summary>
    public int MinBudget { get; init; } = 1;

    /// <summary>Budget (epochs) of the top rung.</summary>
    public int MaxBudget { get; init; } = 27;

    /// <summary>Reduction factor η: the best 1/η of a rung is promoted.</summary>
    public int ReductionFactor { get; init; } = 3;
}
