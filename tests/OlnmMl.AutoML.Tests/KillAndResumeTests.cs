using System.Diagnostics;
using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.Store;
using OlnmMl.AutoML.SweepHost;

namespace OlnmMl.AutoML.Tests;

/// <summary>
/// Starts a sweep in a child process (OlnmMl.AutoML.SweepHost), kills it while trials are running, resumes the study
/// and checks that every trial number appears exactly once, complete, and that the interrupted trials were re-run
/// with their recorded configuration and seed.
/// </summary>
public class KillAndResumeTests
{
    [Fact]
    public async Task A_killed_sweep_resumes_without_lost_or_duplicated_trials()
    {
        using var folder = new TempDirectory();
        var experiment = SweepRunnerTests.Experiment(tuner: "smac", trials: 10, parallel: 2) with { Name = "killed" };
        var experimentPath = Path.Combine(folder.Path, "killed.yaml");
        File.WriteAllText(experimentPath, ExperimentYaml.Write(experiment));
        var studies = Path.Combine(folder.Path, "studies");
        var location = StudyLocation.ForName("killed", studies);

        var host = Path.Combine(AppContext.BaseDirectory, "OlnmMl.AutoML.SweepHost.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { host, "run", experimentPath, studies, "400" })
        {
            start.ArgumentList.Add(argument);
        }

        IReadOnlyList<TrialRecord> atKill;
        using (var child = Process.Start(start)!)
        {
            child.OutputDataReceived += (_, _) => { };
            child.ErrorDataReceived += (_, _) => { };
            child.BeginOutputReadLine();
            child.BeginErrorReadLine();
            atKill = await WaitForRunningTrials(location.DatabasePath, child);
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
        }

        using (var store = SqliteStudyStore.Open(location.DatabasePath))
        {
            // Trials finished after our last look but before the kill are Complete; the rest are still Running.
            var beforeResume = store.GetTrials();
            Assert.Contains(beforeResume, t => t.Status == TrialStatus.Running);
            Assert.Contains(beforeResume, t => t.Status == TrialStatus.Complete);
        }

        var summary = await Sweeps.ResumeAsync(location.DatabasePath, new TrialFactoryRegistry().Register(new SyntheticTrialFactory(TimeSpan.Zero)));
        using var resumed = SqliteStudyStore.Open(location.DatabasePath);
        var trials = resumed.GetTrials();
        Assert.Equal(Enumerable.Range(0, 10), trials.Select(t => t.Number));
        Assert.All(trials, t => Assert.Equal(TrialStatus.Complete, t.Status));
        Assert.Equal(10, summary.Complete);
        foreach (var before in atKill)
        {
            Assert.Equal(before.Parameters, trials[before.Number].Parameters);
            Assert.Equal(before.Seed, trials[before.Number].Seed);
        }

        var predictionFolders = Directory.GetDirectories(location.ArtefactRoot).Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, 10).Select(n => $"trial-{n:D5}"), predictionFolders);
    }

    private static async Task<IReadOnlyList<TrialRecord>> WaitForRunningTrials(string databasePath, Process child)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (child.HasExited)
            {
                throw new InvalidOperationException($"The sweep host exited early with code {child.ExitCode}.");
            }

            if (File.Exists(databasePath))
            {
                try
                {
                    using var store = SqliteStudyStore.Open(databasePath);
                    var trials = store.GetTrials();
                    if (trials.Count(t => t.Status == TrialStatus.Complete) >= 3 && trials.Any(t => t.Status == TrialStatus.Running))
                    {
                        return trials;
                    }
                }
                catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or KeyNotFoundException or InvalidDataException)
                {
                    // The child is still creating the database.
                }
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The sweep host did not reach 3 complete trials with one running within 90 s.");
    }
}
