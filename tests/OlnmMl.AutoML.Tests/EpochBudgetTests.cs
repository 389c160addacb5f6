using System.Collections.Concurrent;
using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.Spaces;
using OlnmMl.AutoML.Store;
using OlnmMl.AutoML.SweepHost;
using OlnmMl.AutoML.Tuners;

namespace OlnmMl.AutoML.Tests;

/// <summary>The epoch budget (<see cref="SweepBudget.MaxEpochs"/>), the lineage seed and the schedule horizon of ASHA sweeps.</summary>
public class EpochBudgetTests
{
    /// <summary>
    /// An epoch-trained trial kind: reports one value per epoch it trains — from its parent's budget when
    /// <paramref name="continues"/> (a continuation), else from epoch 0 — then predicts as the synthetic trial does.
    /// Remembers every context it was given.
    /// </summary>
    private sealed class EpochTrials(bool continues) : ITrialFactory
    {
        private readonly SyntheticTrialFactory _inner = new(TimeSpan.Zero);

        public ConcurrentDictionary<int, TrialContext> Contexts { get; } = new();

        public string Name => _inner.Name;

        public long EstimateMemoryBytes(ParameterSet parameters) => _inner.EstimateMemoryBytes(parameters);

        public Task<TrialOutcome> RunAsync(TrialContext context, CancellationToken cancellationToken)
        {
            Contexts[context.TrialNumber] = context;
            var first = continues ? context.PromotedFromBudget ?? 0 : 0;
            for (var epoch = first; epoch < context.Budget; epoch++)
            {
                context.Report(epoch, 0.5 + (0.01 * epoch));
            }

            return _inner.RunAsync(context, cancellationToken);
        }
    }

    private static ExperimentDefinition Asha(int epochs) => SweepRunnerTests.Experiment("asha", trials: null, parallel: 1) with
    {
        Tuner = new TunerSpec("asha", Asha: new AshaOptions { MinBudget = 1, MaxBudget = 9, ReductionFactor = 3 }),
        Budget = new SweepBudget(null, null, null) { MaxEpochs = epochs },
    };

    private static async Task<InMemoryStudyStore> RunAsync(ExperimentDefinition experiment, EpochTrials factory)
    {
        using var folder = new TempDirectory();
        var store = new InMemoryStudyStore(new StudyInfo("epochs", "", DateTimeOffset.UtcNow));
        await new SweepRunner(experiment, store, new TrialFactoryRegistry().Register(factory), folder.Path).RunAsync();
        return store;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_sweep_stops_proposing_once_its_epochs_are_spent_and_the_last_trial_finishes(bool continues)
    {
        using var store = await RunAsync(Asha(epochs: 20), new EpochTrials(continues));
        var trials = store.GetTrials();
        var spent = trials.Select(t => store.GetIntermediateValues(t.Number).Count).ToArray();
        Assert.All(trials, t => Assert.Equal(TrialStatus.Complete, t.Status));
        Assert.True(spent.Sum() >= 20, $"spent {spent.Sum()} epochs");
        Assert.True(spent[..^1].Sum() < 20, $"a trial was started after {spent[..^1].Sum()} of 20 epochs were spent");
        Assert.Equal(spent.Sum(), store.GetIntermediateValues().Count);
    }

    [Fact]
    public async Task A_continued_trial_counts_only_the_epochs_it_trained_so_the_same_budget_runs_more_trials()
    {
        using var continued = await RunAsync(Asha(epochs: 30), new EpochTrials(continues: true));
        using var restarted = await RunAsync(Asha(epochs: 30), new EpochTrials(continues: false));
        var promoted = continued.GetTrials().Where(t => t.PromotedFrom is not null).ToArray();
        Assert.NotEmpty(promoted);
        Assert.All(promoted, t => Assert.Equal(t.Budget - continued.GetTrial(t.PromotedFrom!.Value).Budget, continued.GetIntermediateValues(t.Number).Count));
        Assert.True(continued.GetTrials().Count > restarted.GetTrials().Count);
        // Same proposals under both: the restarted sweep's trials are a prefix of the continued one's.
        Assert.Equal(
            restarted.GetTrials().Select(t => (t.Parameters, t.Budget, t.PromotedFrom, t.Seed)),
            continued.GetTrials().Take(restarted.GetTrials().Count).Select(t => (t.Parameters, t.Budget, t.PromotedFrom, t.Seed)));
    }

    [Fact]
    public async Task A_promoted_trial_runs_with_its_parents_seed_and_every_asha_trial_with_the_max_budget_as_horizon()
    {
        var factory = new EpochTrials(continues: true);
        using var store = await RunAsync(Asha(epochs: 40), factory);
        var trials = store.GetTrials();
        var promoted = trials.Where(t => t.PromotedFrom is not null).ToArray();
        Assert.Contains(promoted, t => t.Budget == 9);
        Assert.All(promoted, t => Assert.Equal(store.GetTrial(t.PromotedFrom!.Value).Seed, t.Seed));
        Assert.All(promoted, t => Assert.Equal(t.Seed, factory.Contexts[t.Number].Seed));
        var fresh = trials.Where(t => t.PromotedFrom is null).Select(t => t.Seed).ToArray();
        Assert.Equal(fresh.Length, fresh.Distinct().Count());
        Assert.All(factory.Contexts.Values, c => Assert.Equal(9, c.ScheduleHorizon));
    }

    [Fact]
    public async Task Other_tuners_leave_the_schedule_horizon_to_the_trial()
    {
        var factory = new EpochTrials(continues: false);
        using var store = await RunAsync(SweepRunnerTests.Experiment("random", trials: 3, parallel: 1), factory);
        Assert.Equal(3, factory.Contexts.Count);
        Assert.All(factory.Contexts.Values, c => Assert.Null(c.ScheduleHorizon));
    }

    [Fact]
    public void The_yaml_epoch_budget_is_read_written_and_must_be_positive()
    {
        const string yaml = """
            name: x
            data: {source: synthetic:quick}
            tuner: {kind: asha, min-epochs: 1, max-epochs: 9, reduction-factor: 3}
            budget: {epochs: 60}
            space:
              trial: {value: fusion}
            """;
        var experiment = ExperimentYaml.Read(yaml);
        Assert.Equal(60, experiment.Budget.MaxEpochs);
        Assert.Equal(experiment.Budget, ExperimentYaml.Read(ExperimentYaml.Write(experiment)).Budget);
        var error = Assert.Throws<FormatException>(() => ExperimentYaml.Read(yaml.Replace("epochs: 60", "epochs: 0", StringComparison.Ordinal), "bad.yaml"));
        Assert.StartsWith("bad.yaml: budget.epochs must be", error.Message);
    }
}
