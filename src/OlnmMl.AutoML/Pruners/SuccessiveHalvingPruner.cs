using OlnmMl.AutoML.Store;

namespace OlnmMl.AutoML.Pruners;

/// <summary>
/// Asynchronous successive halving on intermediate values: rungs are the steps r·η^k (k = 0, 1, …; r =
/// <paramref name="minSteps"/>, η = <paramref name="reductionFactor"/>). A trial reporting at a rung step continues
/// only when its loss ranks among the best max(1, ⌊n/η⌋) of the n losses reported at that step so far by any trial
/// (itself included, NaN last); between rungs it never stops. The first trial to reach a rung therefore continues.
/// </summary>
public sealed class SuccessiveHalvingPruner(int minSteps, int reductionFactor) : IPruner
{
    /// <summary>The lowest rung's step r (≥ 1).</summary>
    public int MinSteps { get; } = minSteps >= 1 ? minSteps : throw new ArgumentOutOfRangeException(nameof(minSteps), "must be ≥ 1");

    /// <summary>The reduction factor η (≥ 2): about 1/η of a rung continues.</summary>
    public int ReductionFactor { get; } = reductionFactor >= 2 ? reductionFactor : throw new ArgumentOutOfRangeException(nameof(reductionFactor), "must be ≥ 2");

    /// <summary>True when <paramref name="step"/> is a rung, r·η^k.</summary>
    public bool IsRung(int step)
    {
        for (long rung = MinSteps; rung <= step; rung *= ReductionFactor)
        {
            if (rung == step)
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public bool ShouldPrune(int trial, int step, IReadOnlyList<IntermediateValue> losses, IReadOnlySet<int> complete)
    {
        ArgumentNullException.ThrowIfNull(losses);
        if (!IsRung(step) || losses.SingleOrDefault(v => v.Trial == trial && v.Step == step) is not { } own)
        {
            return false;
        }

        var ranked = losses.Where(v => v.Step == step).Select(v => double.IsNaN(v.Value) ? double.PositiveInfinity : v.Value).Order().ToArray();
        var kept = Math.Max(1, ranked.Length / ReductionFactor);
        return double.IsNaN(own.Value) || own.Value > ranked[kept - 1];
    }
}
