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

    private static List<TrialSuggestion> Drive(ITuner tuner, int count)
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

public class GridTunerContractTests : TunerContractTests
{
    protected override ITuner Create(int seed) => new GridTuner(Space, resolution: 4);

    [Fact]
    public void Grid_ends_after_its_last_point()
    {
        // svm: 4 c × 4 dropout = 16; deep: 3 distinct log-spaced widths (8, 16, 32, 64 → 4) × 4 dropout = 16; total 32.
        var tuner = new GridTuner(Space, resolution: 4);
        Assert.Equal(32, tuner.Count);
        Assert.NotNull(tuner.Propose(31));
        Assert.Null(tuner.Propose(32));
    }
}

public class RandomTunerContractTests : TunerContractTests
{
    protected override ITuner Create(int seed) => new RandomTuner(Space, seed);
}

public class SmacTunerContractTests : TunerContractTests
{
    protected override ITuner Create(int seed) => new SmacTuner(Space, seed, new SmacOptions { InitialRandomTrials = 5, RandomCandidates = 64 });
}

public class AshaTunerContractTests : TunerContractTests
{
    protected override ITuner Create(int seed) => new AshaTuner(Space, seed, new AshaOptions { MinBudget = 1, MaxBudget = 9, ReductionFactor = 3 });
}
