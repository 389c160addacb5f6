using OlnmMl.AutoML.Store;
using OlnmMl.AutoML.Tuners;

namespace OlnmMl.AutoML.Pruners;

/// <summary>
/// Hyperband (Li et al., JMLR 18(185), 2018) as Optuna's <c>HyperbandPruner</c> runs it: B = ⌊log_η(R/r)⌋ + 1
/// successive-halving brackets (r the lowest step, R the last step, η the reduction factor); bracket i's rungs start at r·η^i, so bracket 0 stops trials most
/// aggressively and bracket B − 1 only at R. Bracket i has the trial budget ⌈B·η^s/(s + 1)⌉ with s = B − 1 − i, and
/// trial t goes to the bracket whose share of the cumulative budgets holds h(t) mod Σ budgets, h being the
/// SplitMix64 hash <see cref="TrialSeeds.For"/>(0, t) (Optuna hashes study name and trial number with CRC-32; the
/// assignment here depends on the trial number alone, so it is the same in every store and every resume). A trial
/// is ranked only against the trials of its own bracket, by <see cref="SuccessiveHalvingPruner"/>.
/// </summary>
public sealed class HyperbandPruner : IPruner
{
    private readonly int[] _cumulativeBudgets;

    /// <summary>Creates the brackets; throws <see cref="ArgumentOutOfRangeException"/> for r &lt; 1, R &lt; r or η &lt; 2.</summary>
    public HyperbandPruner(int minSteps, int maxSteps, int reductionFactor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minSteps, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSteps, minSteps);
        ArgumentOutOfRangeException.ThrowIfLessThan(reductionFactor, 2);
        var brackets = new List<SuccessiveHalvingPruner>();
        for (long start = minSteps; start <= maxSteps; start *= reductionFactor)
        {
            brackets.Add(new SuccessiveHalvingPruner((int)start, reductionFactor));
        }

        Brackets = brackets;
        Budgets = [.. Enumerable.Range(0, brackets.Count).Select(i => Budget(brackets.Count, brackets.Count - 1 - i, reductionFactor))];
        _cumulativeBudgets = [.. Budgets.Select((_, i) => Budgets.Take(i + 1).Sum())];
    }

    /// <summary>The successive-halving bracket i (lowest rung r·η^i), i = 0 … B − 1.</summary>
    public IReadOnlyList<SuccessiveHalvingPruner> Brackets { get; }

    /// <summary>Bracket i's trial budget ⌈B·η^s/(s + 1)⌉, s = B − 1 − i: the weight of bracket i in <see cref="BracketOf"/>.</summary>
    public IReadOnlyList<int> Budgets { get; }

    /// <summary>The bracket of <paramref name="trial"/>: the first i with h(t) mod Σ budgets &lt; budget_0 + … + budget_i.</summary>
    public int BracketOf(int trial)
    {
        var n = TrialSeeds.For(0, trial) % _cumulativeBudgets[^1];
        return Array.FindIndex(_cumulativeBudgets, cumulative => n < cumulative);
    }

    /// <inheritdoc />
    public bool ShouldPrune(int trial, int step, IReadOnlyList<IntermediateValue> losses, IReadOnlySet<int> complete)
    {
        ArgumentNullException.ThrowIfNull(losses);
        var bracket = BracketOf(trial);
        var own = losses.Where(v => BracketOf(v.Trial) == bracket).ToList();
        return Brackets[bracket].ShouldPrune(trial, step, own, complete);
    }

    private static int Budget(int brackets, int s, int reductionFactor)
    {
        var power = 1L;
        for (var k = 0; k < s; k++)
        {
            power *= reductionFactor;
        }

        return (int)((brackets * power + s) / (s + 1));
    }
}
