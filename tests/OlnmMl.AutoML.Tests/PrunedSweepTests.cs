using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.Spaces;
using OlnmMl.AutoML.Store;
using OlnmMl.AutoML.SweepHost;

namespace OlnmMl.AutoML.Tests;

/// <summary>Sweeps whose synthetic trials report known learning curves (AUC, maximised), one trial at a time in grid order.</summary>
public class PrunedSweepTests
{
    private static readonly string[] Curves =
    [
        "0.60 0.70 0.80",
        "0.50 0.60 0.70",
        "0.90 0.50 0.95",
        "0.40 0.66 0.90",
        "0.70 0.68 0.74",
        "0.10 0.20 0.30",
    ];

    private static ExperimentDefinition Experiment(PrunerSpec? pruner) => SweepRunnerTests.Experiment("grid", trials: null, parallel: 1) with
    {
        Tuner = new TunerSpec("grid", GridResolution: 1),
        Pruner = pruner,
        Space = new SearchSpace(
        [
            new CategoricalParameter("trial", [SyntheticTrialFactory.KindName]),
            new CategoricalParameter(SyntheticTrialFactory.CurveParameter, Curves),
            new FloatParameter("signal", 0, 2),
        ]),
    };

    private static async Task<InMemoryStudyStore> RunAsync(PrunerSpec? pruner)
    {
        using var folder = new TempDirectory();
        var store = new InMemoryStudyStore(new StudyInfo("pruned", "", DateTimeOffset.UtcNow));
        var registry = new TrialFactoryRegistry().Register(new SyntheticTrialFactory(TimeSpan.Zero));
        await new SweepRunner(Experiment(pruner), store, registry, folder.Path).RunAsync();
        return store;
    }

    [Fact]
    public async Task The_median_pruner_prunes_exactly_the_trials_the_hand_calculation_says()
    {
        // warm-up 1 step, 2 startup trials; the median is over the Complete trials' values at the step:
        // 0, 1: fewer than 2 other Complete trials → Complete.
        // 2: step 1, median(0.70, 0.60) = 0.65 > 0.50 → Pruned at step 1 with 0.50.
        // 3: step 1, 0.66 ≥ 0.65; step 2, median(0.80, 0.70) = 0.75 ≤ 0.90 → Complete.
        // 4: step 1, median(0.70, 0.60, 0.66) = 0.66 ≤ 0.68; step 2, median(0.80, 0.70, 0.90) = 0.80 > 0.74 → Pruned with 0.74.
        // 5: step 0 is warm-up (it would be the worst); step 1, 0.20 < 0.66 → Pruned with 0.20.
        using var store = await RunAsync(new PrunerSpec("median", WarmupSteps: 1, StartupTrials: 2));
        var trials = store.GetTrials();
        Assert.Equal(Curves, trials.Select(t => t.Parameters.GetCategory(SyntheticTrialFactory.CurveParameter)));
        Assert.Equal(
            [TrialStatus.Complete, TrialStatus.Complete, TrialStatus.Pruned, TrialStatus.Complete, TrialStatus.Pruned, TrialStatus.Pruned],
            trials.Select(t => t.Status));
        Assert.Equal([0.50, 0.74, 0.20], trials.Where(t => t.Status == TrialStatus.Pruned).Select(t => t.Objective!.Value));
        Assert.Equal("pruned at step 2", trials[4].Error);
        Assert.Equal([3, 3, 2, 3, 3, 2], trials.Select(t => store.GetIntermediateValues(t.Number).Count));
        Assert.Equal([0.70, 0.68, 0.74], store.GetIntermediateValues(4).Select(v => v.Value));
    }

    [Fact]
    public async Task Without_a_pruner_every_curve_is_stored_whole_and_every_trial_completes()
    {
        using var store = await RunAsync(null);
        Assert.All(store.GetTrials(), t => Assert.Equal(TrialStatus.Complete, t.Status));
        Assert.Equal(Curves.Length * 3, store.GetIntermediateValues().Count);
        Assert.Equal([0.90, 0.50, 0.95], store.GetIntermediateValues(2).Select(v => v.Value));
    }

    [Fact]
    public async Task Successive_halving_keeps_the_best_half_at_each_rung()
    {
        // Rungs at steps 1 and 2 (r = 1, η = 2); values so far at step 1 (the asking trial's included), best kept:
        // 0: [0.70] → kept. 1: [0.70, 0.60] keep 1 → 0.60 pruned at 1. 2: 0.50 worst of 3 → pruned.
        // 3: [0.70, 0.60, 0.50, 0.66] keep 2 (0.70, 0.66) → kept; step 2: [0.80, 0.90] keep 1 → kept.
        // 4: 0.68 among [0.70, 0.68, 0.66, …] keep 2 → kept; step 2: [0.80, 0.90, 0.74] keep 1 → pruned with 0.74.
        // 5: 0.20, worst → pruned at 1.
        using var store = await RunAsync(new PrunerSpec("successive-halving", MinSteps: 1, ReductionFactor: 2));
        Assert.Equal(
            [TrialStatus.Complete, TrialStatus.Pruned, TrialStatus.Pruned, TrialStatus.Complete, TrialStatus.Pruned, TrialStatus.Pruned],
            store.GetTrials().Select(t => t.Status));
        Assert.Equal([0.60, 0.50, 0.74, 0.20], store.GetTrials().Where(t => t.Status == TrialStatus.Pruned).Select(t => t.Objective!.Value));
    }
}
