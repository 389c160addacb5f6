using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Spaces;
using OlnmMl.AutoML.Store;
using OlnmMl.AutoML.SweepHost;

namespace OlnmMl.AutoML.Tests;

/// <summary>
/// A sweep that fails while a deep trial trains, in a real process (OlnmMl.AutoML.SweepHost). Grid order: trial 0 is
/// a deep trial (libtorch training until stopped), trial 1 a synthetic one that completes after a delay long enough
/// for trial 0 to be training, trial 2 cannot get its folder (a file is in the way) — an error outside the trial,
/// which stops the sweep. Before the fix the process returned while trial 0 was still inside libtorch
/// (exit 139, SIGSEGV, or trial states left Running).
/// </summary>
public class SweepAbortProcessTests
{
    [Fact]
    public async Task A_sweep_failing_while_a_deep_trial_trains_stops_it_records_the_states_and_exits_1_with_one_error_line()
    {
        using var folder = new TempDirectory();
        var experiment = SweepRunnerTests.Experiment(tuner: "grid", trials: 6, parallel: 2) with
        {
            Name = "abort",
            Space = new SearchSpace([new FloatParameter("signal", 0, 2), new CategoricalParameter("trial", [DeepTrialFactory.KindName, SyntheticTrialFactory.KindName])]),
        };
        var experimentPath = Path.Combine(folder.Path, "abort.yaml");
        File.WriteAllText(experimentPath, ExperimentYaml.Write(experiment));
        var studies = Path.Combine(folder.Path, "studies");
        var location = StudyLocation.ForName("abort", studies);
        Directory.CreateDirectory(location.ArtefactRoot);
        var blocked = Path.Combine(location.ArtefactRoot, "trial-00002");
        File.WriteAllText(blocked, "a file where trial 2's folder goes");

        using var child = SweepHostProcess.Run(experimentPath, studies, 10_000);
        var exit = await child.ExitAsync(TimeSpan.FromMinutes(3));

        Assert.True(exit == 1, $"exit code {exit}: {child.Output}");
        var errors = child.Output.Split('\n').Where(line => line.StartsWith("error:", StringComparison.Ordinal)).ToArray();
        var error = Assert.Single(errors);
        Assert.Contains("trial-00002", error);
        Assert.DoesNotContain("cancelled", child.Output);
        Assert.True(File.Exists(Path.Combine(location.ArtefactRoot, "trial-00000", DeepTrialFactory.StartedFile)), "the deep trial never started training");

        using var store = SqliteStudyStore.Open(location.DatabasePath);
        var trials = store.GetTrials().ToDictionary(t => t.Number);
        Assert.Equal([0, 1, 2], trials.Keys.Order());
        Assert.Equal(DeepTrialFactory.KindName, trials[0].Parameters.GetCategory("trial"));
        Assert.Equal(TrialStatus.Interrupted, trials[0].Status);
        Assert.Contains("stopped on an error in another trial", trials[0].Error);
        Assert.Equal(TrialStatus.Complete, trials[1].Status);
        Assert.Equal(TrialStatus.Failed, trials[2].Status);
        Assert.Contains("trial-00002", trials[2].Error);
    }
}
