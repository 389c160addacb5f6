using OlnmMl.AutoML.Spaces;
using OlnmMl.AutoML.Tuners;

namespace OlnmMl.AutoML.Tests;

/// <summary>The contract every tuner passes (see <see cref="ITuner"/>); one subclass per tuner.</summary>
public abstract class TunerContractTests
{
    protected static SearchSpace Space { get; } = new(
    [
        new CategoricalParameter("trial", ["svm", "deep"]),
        new FloatParameter("c", 0.01, 100, log: true, new ParameterCondition("trial", ["svm"])),
        new IntegerParameter("width", 8, 64, log: true, new ParameterCondition("trial", ["deep"])),
        new FloatParameter("dropout", 0, 0.5),
    ]);

    protected abstract ITuner Create(int seed);

    /// <summary>A smooth synthetic loss; minimum near trial=svm, c=1, dropout=0.1.</summary>
    private static double Loss(ParameterSet p) =>
        (p.GetCategory("trial") == "svm" ? Math.Pow(Math.Log10(p.GetDouble("c")), 2) : 1 + (1 / p.GetDouble("width")))
        + Math.Abs(p.GetDouble("dropout") - 0.1);

    protected static List<TrialSuggestion> Drive(ITuner tuner, int count)
    {
        var suggestions = new List<TrialSuggestion>();
        for (var n = 0; n < count; n++)
        {
            var suggestion = tuner.Propose(n);
            if (suggestion is null)
            {
                break;
            }

            suggestions.Add(suggestion);
            tuner.Tell(new TunerObservation(n, suggestion.Parameters, false, null, suggestion.Budget, suggestion.PromotedFrom));
            tuner.Tell(new TunerObservation(n, suggestion.Parameters, true, Loss(suggestion.Parameters), suggestion.Budget, suggestion.PromotedFrom));
        }

        return suggestions;
    }

    [Fact]
    public void Proposals_are_valid_configurations_of_the_space()
    {
        var suggestions = Drive(Create(11), 30);
        Assert.NotEmpty(suggestions);
        Assert.All(suggestions, s => Space.Validate(s.Parameters));
    }

    [Fact]
    public void The_same_seed_gives_the_same_proposals()
    {
        var first = Drive(Create(5), 30);
        var second = Drive(Create(5), 30);
        Assert.Equal(first, second);
    }

    [Fact]
    public void A_fresh_tuner_told_the_history_proposes_what_the_original_would()
    {
        // Resume is replay: after 20 trials, a new instance told those 20 proposes trial 20 as the original does.
        var original = Create(9);
        var history = Drive(original, 20);
        var replayed = Create(9);
        for (var n = 0; n < history.Count; n++)
        {
            var s = history[n];
            replayed.Tell(new TunerObservation(n, s.Parameters, true, Loss(s.Parameters), s.Budget, s.PromotedFrom));
        }

        Assert.Equal(original.Propose(history.Count), replayed.Propose(history.Count));
    }

    [Fact]
    public void Failed_trials_do_not_stop_the_tuner()
    {
        var tuner = Create(3);
        for (var n = 0; n < 15; n++)
        {
            var s = tuner.Propose(n);
            Assert.NotNull(s);
            tuner.Tell(new TunerObservation(n, s.Parameters, true, null, s.Budget, s.PromotedFrom));
        }
    }
}

/// <summary>The contract of tuners that take a seed: the seed must matter.</summary>
public abstract class SeededTunerContractTests : TunerContractTests
{
    [Fact]
    public void A_different_seed_gives_different_proposals()
    {
        // A tuner that ignored its seed would repeat seed 5's proposals under seed 6.
        var first = Drive(Create(5), 5);
        var second = Drive(Create(6), 5);
        Assert.Equal(5, first.Count);
        Assert.All(Enumerable.Range(0, 5), n => Assert.NotEqual(first[n].Parameters, second[n].Parameters));
    }
}

public class GridTunerContractTests : TunerContractTests
{
    protected override ITuner Create(int seed) => new GridTuner(Space, resolution: 4);

    [Fact]
    public void Grid_ends_after_its_last_point()
    {
        // svm: 4 c × 4 dropout = 16; deep: 4 log-spaced widths (8, 16, 32, 64) × 4 dropout = 16; total 32.
        var tuner = new GridTuner(Space, resolution: 4);
        Assert.Equal(32, tuner.Count);
        Assert.NotNull(tuner.Propose(31));
        Assert.Null(tuner.Propose(32));
    }

    [Fact]
    public void Trial_n_is_grid_point_n_in_the_documented_order_whatever_was_told()
    {
        // Documented order: parameters in space order (trial, c, width, dropout), the last varying fastest,
        // inactive ones absent. So trial n < 16 is svm with c = 10^(−2 + 4i/3), i = n / 4; n ≥ 16 is deep with
        // width 8·2^i, i = (n − 16) / 4; dropout = (n mod 4) / 6 throughout. One tuner is driven in order
        // (each trial told running, then finished); a fresh one, told nothing, is asked in reverse order.
        var driven = Drive(new GridTuner(Space, resolution: 4), 32);
        var fresh = new GridTuner(Space, resolution: 4);
        var asked = Enumerable.Range(0, 32).Reverse().Select(n => (N: n, Suggestion: fresh.Propose(n)!)).OrderBy(p => p.N).ToList();
        Assert.Equal(32, driven.Count);
        for (var n = 0; n < 32; n++)
        {
            foreach (var p in new[] { driven[n].Parameters, asked[n].Suggestion.Parameters })
            {
                Assert.Equal(n < 16 ? "svm" : "deep", p.GetCategory("trial"));
                Assert.Equal((n % 4) / 6.0, p.GetDouble("dropout"), 12);
                Assert.Equal(3, p.Count);
                if (n < 16)
                {
                    Assert.Equal(Math.Pow(10, -2 + (4.0 * (n / 4) / 3)), p.GetDouble("c"), 1e-9 * p.GetDouble("c"));
                }
                else
                {
                    Assert.Equal(8L << ((n - 16) / 4), p.GetInteger("width"));
                }
            }
        }
    }
}

public class RandomTunerContractTests : SeededTunerContractTests
{
    protected override ITuner Create(int seed) => new RandomTuner(Space, seed);

    [Fact]
    public void Each_trial_number_draws_its_own_configuration_independent_of_the_history()
    {
        // Trials draw independently: 30 proposals hold 30 distinct configurations, and trial 17 asked of a fresh
        // tuner that was told nothing equals trial 17 of a driven one.
        var driven = Drive(Create(9), 30);
        Assert.Equal(30, driven.Select(s => s.Parameters).Distinct().Count());
        Assert.Equal(driven[17], Create(9).Propose(17));
    }
}

public class SmacTunerContractTests : SeededTunerContractTests
{
    protected override ITuner Create(int seed) => new SmacTuner(Space, seed, new SmacOptions { InitialRandomTrials = 5, RandomCandidates = 64 });
}

public class AshaTunerContractTests : SeededTunerContractTests
{
    protected override ITuner Create(int seed) => new AshaTuner(Space, seed, new AshaOptions { MinBudget = 1, MaxBudget = 9, ReductionFactor = 3 });
}
