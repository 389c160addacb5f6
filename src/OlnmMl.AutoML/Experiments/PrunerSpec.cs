using OlnmMl.AutoML.Pruners;

namespace OlnmMl.AutoML.Experiments;

/// <summary>
/// Which pruner stops trials early from their intermediate values (the experiment's <c>pruner</c> mapping).
/// </summary>
/// <param name="Kind">median, successive-halving or hyperband.</param>
/// <param name="WarmupSteps">median: steps before any pruning.</param>
/// <param name="StartupTrials">median: Complete trials before any pruning.</param>
/// <param name="MinSteps">successive-halving, hyperband: the lowest rung's step r.</param>
/// <param name="ReductionFactor">successive-halving, hyperband: η, about 1/η of a rung continues.</param>
/// <param name="MaxSteps">hyperband (required there): the last step R; the brackets' lowest rungs are r·η^i ≤ R.</param>
public sealed record PrunerSpec(string Kind, int WarmupSteps = 0, int StartupTrials = 5, int MinSteps = 1, int ReductionFactor = 3, int? MaxSteps = null)
{
    /// <summary>The pruner kinds.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["median", "successive-halving", "hyperband"];

    /// <summary>Creates the pruner; throws <see cref="ArgumentException"/> for an unknown kind or a setting out of range.</summary>
    public IPruner Create() => Kind switch
    {
        "median" => new MedianPruner(WarmupSteps, StartupTrials),
        "successive-halving" => new SuccessiveHalvingPruner(MinSteps, ReductionFactor),
        "hyperband" => new HyperbandPruner(MinSteps, MaxSteps ?? throw new ArgumentException("hyperband needs max-steps, the last step."), ReductionFactor),
        _ => throw new ArgumentException($"Unknown pruner kind '{Kind}'; expected one of {string.Join(", ", Kinds)}."),
    };
}
