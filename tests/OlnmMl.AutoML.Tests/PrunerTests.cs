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
    public void Settings_out_of_range_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MedianPruner(-1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SuccessiveHalvingPruner(0, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SuccessiveHalvingPruner(1, 1));
    }
}
