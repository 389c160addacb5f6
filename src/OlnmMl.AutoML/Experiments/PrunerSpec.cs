using OlnmMl.AutoML.Pruners;

namespace OlnmMl.AutoML.Experiments;

/// <summary>
/// Which pruner stops trials early from their intermediate values (the experiment's <c>pruner</c> mapping).
/// </summary>
/// <param name="Kind">median or successive-halving.</param>
/// <param name="WarmupSteps">median: steps before any pruning.</param>
/// <param name="StartupTrials">median: Complete trials before any pruning.</param>
/// <param name="MinSteps">successive-halving: the lowest rung's step.</param>
/// <param name="ReductionFactor">successive-halving: η, about 1/η of a rung continues.</param>
public sealed record PrunerSpec(string Kind, int WarmupSteps = 0, int StartupTrials = 5, int MinSteps = 1, int ReductionFactor = 3)
{
    /// <summary>The pruner kinds.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["median", "successive-halving"];

    /// <summary>Creates the pruner; throws <see cref="ArgumentException"/> for an unknown kind or a setting out of range.</summary>
    public IPruner Create() => Kind switch
    {
        "median" => new MedianPruner(WarmupSteps, StartupTrials),
        "successive-halving" => new SuccessiveHalvingPruner(MinSteps, ReductionFactor),
        _ => throw new ArgumentException($"Unknown pruner kind '{Kind}'; expected one of {string.Join(", ", Kinds)}."),
    };
}
