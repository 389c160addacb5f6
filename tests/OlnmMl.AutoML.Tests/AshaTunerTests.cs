using OlnmMl.AutoML.Spaces;
using OlnmMl.AutoML.Tuners;

namespace OlnmMl.AutoML.Tests;

public class AshaTunerTests
{
    private static readonly SearchSpace Space = new([new CategoricalParameter("trial", ["deep"]), new FloatParameter("lr", 1e-4, 1e-1, log: true)]);

    [Fact]
    public void Rungs_grow_by_the_reduction_factor_up_to_the_maximum()
    {
        // 1, 3, 9, 27 for η = 3; 2, 4, 8, 10 for η = 2 capped at 10.
        Assert.Equal([1, 3, 9, 27], new AshaTuner(Space, 0, new AshaOptions { MinBudget = 1, MaxBudget = 27, ReductionFactor = 3 }).Rungs);
        Assert.Equal([2, 4, 8, 10], new AshaTuner(Space, 0, new AshaOptions { MinBudget = 2, MaxBudget = 10, ReductionFactor = 2 }).Rungs);
    }

    [Fact]
    public void The_best_third_of_a_rung_is_promoted_once_and_the_rest_stop_early()
    {
        var tuner = new AshaTuner(Space, 1, new AshaOptions { MinBudget = 1, MaxBudget = 9, ReductionFactor = 3 });
        TrialSuggestion Step(int n, double loss)
        {
            var s = tuner.Propose(n)!;
            tuner.Tell(new TunerObservation(n, s.Parameters, true, loss, s.Budget, s.PromotedFrom));
            return s;
        }

        // Rung 0 (1 epoch): losses 0.5, 0.2, 0.9 → ⌊3/3⌋ = 1 promotable: trial 1 goes to rung 1 (3 epochs).
        Assert.All(new[] { Step(0, 0.5), Step(1, 0.2), Step(2, 0.9) }, s => Assert.Equal((1, (int?)null), (s.Budget!.Value, s.PromotedFrom)));
        var promoted = Step(3, 0.15);
        Assert.Equal((3, 1), (promoted.Budget!.Value, promoted.PromotedFrom!.Value));

        // Trial 1 is not promoted again: a new configuration starts on rung 0.
        var fresh = Step(4, 0.1);
        Assert.Equal((1, (int?)null), (fresh.Budget!.Value, fresh.PromotedFrom));

        // Rung 0 now holds 0.5, 0.2, 0.9, 0.1 → ⌊4/3⌋ = 1: the top one, trial 4, is promoted (trial 1 already was).
        var next = tuner.Propose(5)!;
        Assert.Equal((3, 4), (next.Budget!.Value, next.PromotedFrom!.Value));
    }
}
