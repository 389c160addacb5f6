using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.Store;
using OlnmMl.AutoML.SweepHost;

namespace OlnmMl.AutoML.Tests;

/// <summary>
/// Sweeps in real child processes (OlnmMl.AutoML.SweepHost): a second process on a live study is refused and touches
/// nothing; after kill -9 a resume adopts the dead process's Running trials; SIGINT/SIGTERM interrupt cleanly.
/// Every check ends with <see cref="AssertEveryTrialCompleteOnceFromOneExecution"/>.
/// </summary>
public class KillAndResumeTests
{
    private static (string ExperimentPath, string Studies, StudyLocation Location) NewStudy(TempDirectory folder, string name, int trials)
    {
        var experiment = SweepRunnerTests.Experiment(tuner: "smac", trials: trials, parallel: 2) with { Name = name };
        var experimentPath = Path.Combine(folder.Path, name + ".yaml");
        File.WriteAllText(experimentPath, ExperimentYaml.Write(experiment));
        var studies = Path.Combine(folder.Path, "studies");
        return (experimentPath, studies, StudyLocation.ForName(name, studies));
    }

    private static string Folder(int number) => $"trial-{number:D5}";

    private static bool SomeCompleteOneRunning(IReadOnlyList<TrialRecord> trials) =>
        trials.Count(t => t.Status == TrialStatus.Complete) >= 3 && trials.Any(t => t.Status == TrialStatus.Running);

    [Fact]
    public async Task A_killed_sweep_resumes_without_lost_or_duplicated_trials()
    {
        using var folder = new TempDirectory();
        var (experimentPath, studies, location) = NewStudy(folder, "killed", 10);
        IReadOnlyList<TrialRecord> atKill;
        using (var child = SweepHostProcess.Run(experimentPath, studies, 400))
        {
            atKill = await child.WaitForTrials(location.DatabasePath, SomeCompleteOneRunning, "3 complete, 1 running");
            await child.KillAsync();
        }

        var summary = await Sweeps.ResumeAsync(location.DatabasePath, new TrialFactoryRegistry().Register(new SyntheticTrialFactory(TimeSpan.Zero)));
        Assert.Equal(10, summary.Complete);
        var trials = AssertEveryTrialCompleteOnceFromOneExecution(location, 10);
        foreach (var before in atKill)
        {
            Assert.Equal(before.Parameters, trials[before.Number].Parameters);
            Assert.Equal(before.Seed, trials[before.Number].Seed);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task A_resume_beside_a_live_sweep_is_refused_naming_it_and_after_kill_9_adopts_its_trials(int round)
    {
        using var folder = new TempDirectory();
        var (experimentPath, studies, location) = NewStudy(folder, $"shared-{round}", 16);
        using var first = SweepHostProcess.Run(experimentPath, studies, 1000);
        var live = await first.WaitForTrials(location.DatabasePath, SomeCompleteOneRunning, "3 complete, 1 running");

        // A re-run of a live trial would delete its folder; a sentinel in each shows whether the refused resume did.
        // The live sweep itself empties a trial's folder just after recording it Running, so a sentinel goes in only
        // once that folder exists (under load the gap can outlast the snapshot above).
        var sentinels = live.Where(t => t.Status == TrialStatus.Running)
            .Select(t => Path.Combine(location.ArtefactRoot, Folder(t.Number), "sentinel")).ToArray();
        foreach (var sentinel in sentinels)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (!Directory.Exists(Path.GetDirectoryName(sentinel)) && clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(20);
            }

            File.WriteAllText(sentinel, "live");
        }

        using (var second = SweepHostProcess.Resume(location.DatabasePath, 0))
        {
            Assert.Equal(1, await second.ExitAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains($"the study is being run by pid {first.Id}", second.Output);
            Assert.Contains("sweep of study", second.Output);
        }

        Assert.False(first.HasExited);
        Assert.All(sentinels, sentinel => Assert.True(File.Exists(sentinel), $"{sentinel} was deleted by the refused resume"));

        await first.KillAsync();
        using var adopter = SweepHostProcess.Resume(location.DatabasePath, 0);
        Assert.Equal(0, await adopter.ExitAsync(TimeSpan.FromSeconds(60)));
        AssertEveryTrialCompleteOnceFromOneExecution(location, 16);
    }

    [SkippableTheory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task A_signalled_sweep_marks_its_trials_interrupted_exits_130_and_resume_completes_them(string signal)
    {
        Skip.If(signal == "INT" && OlnmMl.Tests.Shared.InheritedSignals.SigintIgnoredReason() is not null, OlnmMl.Tests.Shared.InheritedSignals.SigintIgnoredReason());
        using var folder = new TempDirectory();
        var (experimentPath, studies, location) = NewStudy(folder, "signalled-" + signal.ToLowerInvariant(), 8);
        using (var child = SweepHostProcess.Run(experimentPath, studies, 1500))
        {
            await child.WaitForTrials(location.DatabasePath, t => t.Count(r => r.Status == TrialStatus.Running) == 2, "2 running");
            child.Signal(signal);
            Assert.Equal(130, await child.ExitAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains("cancelled", child.Output);
        }

        using (var store = SqliteStudyStore.Open(location.DatabasePath))
        {
            Assert.Equal(0, store.CountTrials(TrialStatus.Running));
            Assert.Equal(2, store.CountTrials(TrialStatus.Interrupted));
        }

        using var resume = SweepHostProcess.Resume(location.DatabasePath, 0);
        Assert.Equal(0, await resume.ExitAsync(TimeSpan.FromSeconds(60)));
        AssertEveryTrialCompleteOnceFromOneExecution(location, 8);
    }

    /// <summary>
    /// Trials 0..n-1, each Complete once, and each record from the same execution as its files: the pid in the record
    /// equals the pid in the trial folder, and the objective recomputed from the folder's predictions equals the record's.
    /// </summary>
    private static IReadOnlyList<TrialRecord> AssertEveryTrialCompleteOnceFromOneExecution(StudyLocation location, int count)
    {
        using var store = SqliteStudyStore.Open(location.DatabasePath);
        var experiment = ExperimentYaml.Read(store.Study.Definition);
        var trials = store.GetTrials();
        Assert.Equal(Enumerable.Range(0, count), trials.Select(t => t.Number));
        Assert.All(trials, t => Assert.Equal(TrialStatus.Complete, t.Status));
        foreach (var trial in trials)
        {
            var trialFolder = Path.Combine(location.ArtefactRoot, Folder(trial.Number));
            Assert.Equal(trial.Versions[SyntheticTrialFactory.PidVersion], File.ReadAllText(Path.Combine(trialFolder, SyntheticTrialFactory.ExecutionFile)));
            var predictions = PredictionsFile.Read(Path.Combine(location.ArtefactRoot, trial.Artefacts["predictions"]));
            Assert.Equal(trial.Objective, SelectionObjective.Compute(experiment.Objective, predictions));
        }

        Assert.Equal(Enumerable.Range(0, count).Select(Folder), Directory.GetDirectories(location.ArtefactRoot).Select(Path.GetFileName).Order());
        return trials;
    }
}
