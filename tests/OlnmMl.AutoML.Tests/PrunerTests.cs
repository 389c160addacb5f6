using OlnmMl.AutoML.Pruners;
using OlnmMl.AutoML.Store;

namespace OlnmMl.AutoML.Tests;

public class PrunerTests
{
    private static readonly HashSet<int> CompleteTrials = [0, 1, 2];

    /// <summary>Losses at step 2: Complete trials 0.2, 0.4, 0.9 (median 0.4); running trial 3 reports below.</summary>
    private static List<IntermediateValue> Losses(double own) =>
        [new(0, 2, 0.2), new(1, 2, 0.4), new(2, 2, 0.9), new(4, 2, 0.01), new(3, 1, 0.1), new(3, 2, own)];

    [Theory]
    [InlineData(0.41, true)]
    [InlineData(0.4, false)]
    [InlineData(0.1, false)]
    [InlineData(double.NaN, true)]
    public void The_median_pruner_compares_with_the_median_of_the_complete_trials_at_the_step(double own, bool pruned) =>
        Assert.Equal(pruned, new MedianPruner(warmupSteps: 2, startupTrials: 3).ShouldPrune(3, 2, Losses(own), CompleteTrials));

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_middle_two_and_running_trials_do_not_count()
    {
        var pruner = new MedianPruner(0, 2);
        var complete = new HashSet<int> { 0, 1 };
        // Complete trials 0.2 and 0.4 → median 0.3; trial 4 (running, 0.01) is not in the median.
        Assert.True(pruner.ShouldPrune(3, 2, Losses(0.31), complete));
        Assert.False(pruner.ShouldPrune(3, 2, Losses(0.3), complete));
    }

    [Fact]
    public void The_median_pruner_waits_for_the_warm_up_steps_the_startup_trials_and_a_step_others_reported()
    {
        Assert.False(new MedianPruner(warmupSteps: 3, startupTrials: 0).ShouldPrune(3, 2, Losses(5), CompleteTrials));
        Assert.False(new MedianPruner(warmupSteps: 0, startupTrials: 4).ShouldPrune(3, 2, Losses(5), CompleteTrials));
        Assert.False(new MedianPruner(0, 0).ShouldPrune(3, 1, Losses(5), CompleteTrials));
        Assert.True(new MedianPruner(warmupSteps: 2, startupTrials: 3).ShouldPrune(3, 2, Losses(5), CompleteTrials));
    }

    [Fact]
    public void Successive_halving_keeps_the_best_n_over_eta_at_rung_steps_only()
    {
        var pruner = new SuccessiveHalvingPruner(minSteps: 1, reductionFactor: 2);
        Assert.Equal([1, 2, 4, 8], Enumerable.Range(0, 10).Where(pruner.IsRung));
        var losses = new List<IntermediateValue> { new(0, 1, 0.3) };
        Assert.False(pruner.ShouldPrune(0, 1, losses, new HashSet<int>()));
        losses.Add(new(1, 1, 0.5));
        Assert.True(pruner.ShouldPrune(1, 1, losses, new HashSet<int>()));
        losses.Add(new(2, 1, 0.2));
        Assert.False(pruner.ShouldPrune(2, 1, losses, new HashSet<int>()));
        losses.Add(new(3, 1, 0.25));
        Assert.False(pruner.ShouldPrune(3, 1, losses, new HashSet<int>()));
        losses.Add(new(4, 1, 0.26));
        Assert.True(pruner.ShouldPrune(4, 1, losses, new HashSet<int>()));
        losses.Add(new(1, 3, 9.0));
        Assert.False(pruner.ShouldPrune(1, 3, losses, new HashSet<int>()));
    }

    [Fact]
    public void Hyperband_with_r_1_r_27_eta_3_has_four_brackets_with_the_published_rungs_and_budgets()
    {
        var pruner = new HyperbandPruner(minSteps: 1, maxSteps: 27, reductionFactor: 3);
        // B = ⌊log₃(27/1)⌋ + 1 = 4; bracket i's rungs are 3^(i+k) up to R = 27.
        int[][] rungs = [[1, 3, 9, 27], [3, 9, 27], [9, 27], [27]];
        Assert.Equal(rungs, pruner.Brackets.Select(b => Enumerable.Range(0, 28).Where(b.IsRung).ToArray()));
        // ⌈B·η^s/(s+1)⌉ with s = 3, 2, 1, 0: ⌈4·27/4⌉ = 27, ⌈4·9/3⌉ = 12, ⌈4·3/2⌉ = 6, ⌈4·1/1⌉ = 4 (Σ 49).
        Assert.Equal([27, 12, 6, 4], pruner.Budgets);
        // R/r = 26 is not a power of 3: ⌊log₃ 26⌋ + 1 = 3 brackets; r = 2, R = 5, η = 2: ⌊log₂ 2.5⌋ + 1 = 2.
        Assert.Equal(3, new HyperbandPruner(1, 26, 3).Brackets.Count);
        Assert.Equal([2, 4], new HyperbandPruner(2, 5, 2).Brackets.Select(b => b.MinSteps).ToArray());
    }

    [Fact]
    public void Hyperband_assigns_trials_to_brackets_in_proportion_to_their_budgets_whatever_the_order_asked()
    {
        var pruner = new HyperbandPruner(1, 27, 3);
        var counts = Enumerable.Range(0, 49_000).GroupBy(pruner.BracketOf).OrderBy(g => g.Key).Select(g => g.Count()).ToArray();
        // Expected 49 000 · (27, 12, 6, 4)/49 = 27 000, 12 000, 6 000, 4 000; a hash, so within 3 %.
        Assert.Equal(4, counts.Length);
        foreach (var (count, expected) in counts.Zip(new[] { 27_000, 12_000, 6_000, 4_000 }))
        {
            Assert.InRange(count, expected * 0.97, expected * 1.03);
        }

        Assert.Equal(pruner.BracketOf(12_345), new HyperbandPruner(1, 27, 3).BracketOf(12_345));
    }

    [Fact]
    public void Hyperband_ranks_a_trial_only_against_its_own_bracket()
    {
        var pruner = new HyperbandPruner(1, 27, 3);
        var first = Enumerable.Range(0, 1000).Where(t => pruner.BracketOf(t) == 0).Take(4).ToArray();
        var second = Enumerable.Range(0, 1000).First(t => pruner.BracketOf(t) == 1);
        var losses = new List<IntermediateValue> { new(first[0], 1, 0.2), new(first[1], 1, 0.3), new(second, 1, 0.01) };
        // Bracket 0 at rung 1 holds 0.2, 0.3 and the asking 0.1: n = 3 keeps ⌊3/3⌋ = 1, the best, 0.1 → continues.
        // Were the bracket-1 trial's 0.01 counted, 0.1 would not be the best and would stop.
        losses.Add(new(first[2], 1, 0.1));
        Assert.False(pruner.ShouldPrune(first[2], 1, losses, new HashSet<int>()));
        // A fourth bracket-0 trial at 0.15: n = 4 keeps 1 (0.1) → stops.
        losses.Add(new(first[3], 1, 0.15));
        Assert.True(pruner.ShouldPrune(first[3], 1, losses, new HashSet<int>()));
        // Step 1 is no rung of bracket 1 (its rungs are 3, 9, 27): never stopped there, however bad.
        Assert.False(pruner.ShouldPrune(second, 1, [new(second, 1, 9.0), new(first[0], 1, 0.2)], new HashSet<int>()));
    }

    [Fact]
    public void Settings_out_of_range_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MedianPruner(-1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SuccessiveHalvingPruner(0, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SuccessiveHalvingPruner(1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HyperbandPruner(3, 2, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HyperbandPruner(1, 27, 1));
    }
}
