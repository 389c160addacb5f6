using OlnmMl.AutoML.Store;

namespace OlnmMl.AutoML.Pruners;

/// <summary>
/// Optuna's median rule: a trial stops at step s when its loss at s is worse (higher, or NaN) than the median of the
/// losses the other Complete trials reported at s. Never before step <paramref name="warmupSteps"/>, never while
/// fewer than <paramref name="startupTrials"/> trials are Complete, and never at a step no Complete trial reported.
/// </summary>
public sealed class MedianPruner(int warmupSteps, int startupTrials) : IPruner
{
    /// <summary>Steps 0 … WarmupSteps − 1 are never pruned.</summary>
    public int WarmupSteps { get; } = warmupSteps >= 0 ? warmupSteps : throw new ArgumentOutOfRangeException(nameof(warmupSteps), "must be ≥ 0");

    /// <summary>Complete trials needed before anything is pruned.</summary>
    public int StartupTrials { get; } = startupTrials >= 0 ? startupTrials : throw new ArgumentOutOfRangeException(nameof(startupTrials), "must be ≥ 0");

    /// <inheritdoc />
    public bool ShouldPrune(int trial, int step, IReadOnlyList<IntermediateValue> losses, IReadOnlySet<int> complete)
    {
        ArgumentNullException.ThrowIfNull(losses);
        ArgumentNullException.ThrowIfNull(complete);
        if (step < WarmupSteps || complete.Count(t => t != trial) < StartupTrials)
        {
            return false;
        }

        var own = losses.SingleOrDefault(v => v.Trial == trial && v.Step == step);
        var others = losses.Where(v => v.Step == step && v.Trial != trial && complete.Contains(v.Trial) && !double.IsNaN(v.Value))
            .Select(v => v.Value).Order().ToArray();
        if (own is null || others.Length == 0)
        {
            return false;
        }

        var middle = others.Length / 2;
        var median = others.Length % 2 == 1 ? others[middle] : (others[middle - 1] + others[middle]) / 2;
        return double.IsNaN(own.Value) || own.Value > median;
    }
}
