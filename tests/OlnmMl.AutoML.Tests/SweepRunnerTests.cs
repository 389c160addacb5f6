using System.Collections.Immutable;
using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.Spaces;
using OlnmMl.AutoML.Store;
using OlnmMl.AutoML.SweepHost;
using OlnmMl.AutoML.Tuners;
using OlnmMl.Evaluation.Roc;

namespace OlnmMl.AutoML.Tests;

public class SweepRunnerTests
{
    internal static ExperimentDefinition Experiment(string tuner = "random", int? trials = 12, int parallel = 2, TimeSpan? time = null, long? memory = null) => new()
    {
        Name = "runner-test",
        Seed = 3,
        Data = new ExperimentData("synthetic:test", SelectionStrategy.InternalValidation, ["external"], ImmutableSortedDictionary<string, string>.Empty),
        Tuner = new TunerSpec(tuner),
        Budget = new SweepBudget(trials, time, memory, parallel),
        Space = new SearchSpace([new CategoricalParameter("trial", [SyntheticTrialFactory.KindName]), new FloatParameter("signal", 0, 2)]),
    };

    private static TrialFactoryRegistry Registry(ITrialFactory factory) => new TrialFactoryRegistry().Register(factory);

    [Fact]
    public async Task A_sweep_runs_exactly_its_trial_budget_in_parallel()
    {
        using var folder = new TempDirectory();
        using var store = new InMemoryStudyStore(new StudyInfo("t", "", DateTimeOffset.UtcNow));
        var summary = await new SweepRunner(Experiment(), store, Registry(new SyntheticTrialFactory(TimeSpan.FromMilliseconds(5))), folder.Path).RunAsync();
        Assert.Equal(12, summary.Complete);
        Assert.Equal(Enumerable.Range(0, 12), store.GetTrials().Select(t => t.Number));
        Assert.All(store.GetTrials(), t => Assert.True(File.Exists(Path.Combine(folder.Path, t.Artefacts["predictions"]))));
    }

    [Fact]
    public async Task The_objective_is_the_selection_cohort_auc_only()
    {
        // Recompute from the stored predictions: objective = AUC of the Selection cohort, never the external one.
        using var folder = new TempDirectory();
        using var store = new InMemoryStudyStore(new StudyInfo("t", "", DateTimeOffset.UtcNow));
        await new SweepRunner(Experiment(trials: 4), store, Registry(new SyntheticTrialFactory(TimeSpan.Zero)), folder.Path).RunAsync();
        foreach (var trial in store.GetTrials())
        {
            var cohorts = PredictionsFile.Read(Path.Combine(folder.Path, trial.Artefacts["predictions"]));
            var selection = cohorts.Single(c => c.Role == CohortRole.Selection);
            var external = cohorts.Single(c => c.Role == CohortRole.External);
            Assert.Equal(DeLong.Auc(selection.Probabilities.ToArray(), selection.Labels.ToArray()), trial.Objective!.Value, 12);
            Assert.Equal(DeLong.Auc(external.Probabilities.ToArray(), external.Labels.ToArray()), trial.Metrics["external"]["auc"], 12);
        }
    }

    [Fact]
    public void The_tuner_observation_carries_only_the_selection_loss()
    {
        var trial = new TrialRecord
        {
            Number = 4, Status = TrialStatus.Complete, Parameters = ParameterSet.Empty, Seed = 1, StartedAt = DateTimeOffset.UnixEpoch, Objective = 0.75,
            Metrics = ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, double>>.Empty
                .Add("external", ImmutableSortedDictionary<string, double>.Empty.Add("auc", 0.99)),
        };
        var observation = SweepRunner.Observe(trial, Experiment());
        Assert.Equal(new TunerObservation(4, ParameterSet.Empty, true, -0.75), observation);
    }

    [Fact]
    public async Task A_declared_external_cohort_returned_as_selection_fails_the_trial()
    {
        // The synthetic factory returns "validation" as Selection; declaring it external must stop it reaching the tuner.
        using var folder = new TempDirectory();
        using var store = new InMemoryStudyStore(new StudyInfo("t", "", DateTimeOffset.UtcNow));
        var experiment = Experiment(trials: 2) with
        {
            Data = new ExperimentData("synthetic:test", SelectionStrategy.InternalValidation, ["validation", "external"], ImmutableSortedDictionary<string, string>.Empty),
        };
        await new SweepRunner(experiment, store, Registry(new SyntheticTrialFactory(TimeSpan.Zero)), folder.Path).RunAsync();
        Assert.All(store.GetTrials(), t =>
        {
            Assert.Equal(TrialStatus.Failed, t.Status);
            Assert.Null(t.Objective);
            Assert.Contains("'validation' is declared external", t.Error);
        });
    }

    [Fact]
    public async Task A_failed_trial_is_recorded_with_its_error_and_the_sweep_goes_on()
    {
        using var folder = new TempDirectory();
        using var store = new InMemoryStudyStore(new StudyInfo("t", "", DateTimeOffset.UtcNow));
        var summary = await new SweepRunner(Experiment(trials: 20), store, Registry(new SyntheticTrialFactory(TimeSpan.Zero, failAbove: 1.0)), folder.Path).RunAsync();
        var trials = store.GetTrials();
        Assert.Equal(20, trials.Count);
        Assert.Equal(trials.Count(t => t.Parameters.GetDouble("signal") > 1.0), summary.Failed);
        Assert.InRange(summary.Failed, 1, 19);
        Assert.All(trials.Where(t => t.Status == TrialStatus.Failed), t => Assert.Contains("synthetic failure", t.Error));
    }

    [Fact]
    public async Task The_memory_budget_keeps_trials_from_running_together()
    {
        // Each trial is estimated at 600 MB against a 1000 MB budget: never two at once despite parallel = 4.
        using var folder = new TempDirectory();
        using var store = new InMemoryStudyStore(new StudyInfo("t", "", DateTimeOffset.UtcNow));
        var maxRunning = 0;
        var progress = new CallbackProgress((_, snapshot, _) => maxRunning = Math.Max(maxRunning, snapshot.Running));
        var experiment = Experiment(trials: 6, parallel: 4, memory: 1000L << 20);
        await new SweepRunner(experiment, store, Registry(new SyntheticTrialFactory(TimeSpan.FromMilliseconds(5), memoryEstimate: 600L << 20)), folder.Path, progress).RunAsync();
        Assert.Equal(1, maxRunning);
        Assert.Equal(6, store.CountTrials(TrialStatus.Complete));
    }

    [Fact]
    public async Task The_time_budget_prunes_running_trials_and_starts_no_more()
    {
        using var folder = new TempDirectory();
        using var store = new InMemoryStudyStore(new StudyInfo("t", "", DateTimeOffset.UtcNow));
        var experiment = Experiment(trials: 50, parallel: 2, time: TimeSpan.FromSeconds(2));
        var summary = await new SweepRunner(experiment, store, Registry(new SyntheticTrialFactory(TimeSpan.FromSeconds(30))), folder.Path).RunAsync();
        Assert.Equal(2, store.CountTrials());
        Assert.Equal(2, summary.Pruned);
        Assert.All(store.GetTrials(), t => Assert.Equal("time budget exhausted", t.Error));
    }

    [Fact]
    public async Task A_cancelled_sweep_marks_its_trials_interrupted_throws_and_resume_finishes_each_once()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "s.db");
        var experiment = Experiment(trials: 6, parallel: 2);
        using (var store = SqliteStudyStore.Create(path, new StudyInfo("t", ExperimentYaml.Write(experiment), DateTimeOffset.UtcNow)))
        {
            using var cancel = new CancellationTokenSource();
            var progress = new CallbackProgress((_, snapshot, finished) =>
            {
                if (!finished && snapshot.Running == 2)
                {
                    cancel.Cancel();
                }
            });
            var runner = new SweepRunner(experiment, store, Registry(new SyntheticTrialFactory(TimeSpan.FromSeconds(30))), folder.Path, progress);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.RunAsync(cancel.Token));
            Assert.Equal(2, store.CountTrials(TrialStatus.Interrupted));
            Assert.All(store.GetTrials(), t => Assert.Contains("cancelled", t.Error));
        }

        using (var store = SqliteStudyStore.Open(path))
        {
            var interrupted = store.GetTrials();
            await new SweepRunner(experiment, store, Registry(new SyntheticTrialFactory(TimeSpan.Zero)), folder.Path).RunAsync();
            var trials = store.GetTrials();
            Assert.Equal(Enumerable.Range(0, 6), trials.Select(t => t.Number));
            Assert.All(trials, t => Assert.Equal(TrialStatus.Complete, t.Status));
            Assert.All(trials, t => Assert.Null(t.Error));
            Assert.Equal(interrupted.Select(t => t.Parameters), trials.Take(2).Select(t => t.Parameters));
            Assert.Equal(interrupted.Select(t => t.Seed), trials.Take(2).Select(t => t.Seed));
        }
    }

    [Fact]
    public async Task A_running_trial_whose_lease_is_held_elsewhere_is_neither_rerun_nor_touched()
    {
        using var folder = new TempDirectory();
        var experiment = Experiment(trials: 4, parallel: 2);
        using var store = new InMemoryStudyStore(new StudyInfo("t", "", DateTimeOffset.UtcNow));
        var held = store.StartTrial(new TrialStart(experiment.Space.Sample(new Random(1)), 7, null, null, DateTimeOffset.UtcNow));
        using var otherProcess = store.AcquireLease("other process", TimeSpan.Zero);
        Assert.True(otherProcess.TryClaim(held.Number));
        var liveFolder = Directory.CreateDirectory(Path.Combine(folder.Path, "trial-00000")).FullName;
        File.WriteAllText(Path.Combine(liveFolder, "fusion.bin"), "being written");

        var summary = await new SweepRunner(experiment, store, Registry(new SyntheticTrialFactory(TimeSpan.Zero)), folder.Path).RunAsync();

        Assert.Equal(held, store.GetTrial(0));
        Assert.Equal("being written", File.ReadAllText(Path.Combine(liveFolder, "fusion.bin")));
        Assert.Equal(3, summary.Complete);
        Assert.Equal(1, summary.Interrupted);
    }

    [Fact]
    public void An_unregistered_trial_kind_is_named()
    {
        using var folder = new TempDirectory();
        using var store = new InMemoryStudyStore(new StudyInfo("t", "", DateTimeOffset.UtcNow));
        var error = Assert.Throws<KeyNotFoundException>(() => new SweepRunner(Experiment(), store, new TrialFactoryRegistry(), folder.Path));
        Assert.Contains("synthetic", error.Message);
    }
}
