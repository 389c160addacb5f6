using System.Diagnostics;
using System.Text;
using OlnmMl.AutoML.Store;

namespace OlnmMl.Cli.Tests;

/// <summary>
/// The real <c>olnm</c> process: a sweep signalled with SIGINT (Ctrl-C) or SIGTERM prints the "cancelled" line, exits
/// 130 and leaves its trials Interrupted; a resume with another cohort seed is refused naming it; a resume with the
/// study's inputs completes every trial.
/// </summary>
public sealed class CancellationTests(CancellationTests.CohortFolder cohort) : IDisposable, IClassFixture<CancellationTests.CohortFolder>
{
    private readonly string _directory = Directory.CreateTempSubdirectory("olnm-cli-cancel-").FullName;

    private string SharedData => cohort.Path;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [SkippableTheory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task A_signalled_sweep_says_cancelled_exits_130_marks_trials_interrupted_and_resume_completes_them(string signal)
    {
        Skip.If(signal == "INT" && OlnmMl.Tests.Shared.InheritedSignals.SigintIgnoredReason() is not null, OlnmMl.Tests.Shared.InheritedSignals.SigintIgnoredReason());
        // Enough trials that the sweep is still running when the poll below sees it mid-way, on a fast machine too (30
        // trials finished between two polls on CI).
        const int Trials = 60;
        var experiment = Path.Combine(_directory, "cancel.yaml");
        File.WriteAllText(experiment, $$"""
            name: cancel
            seed: 7
            data:
              source: synthetic:tiny
              selection: internal-validation
              external: [test-h5, test-h6]
              options: {crop: "32", spacing: "1.5"}
            objective: auc
            tuner: {kind: random}
            budget: {trials: {{Trials}}, parallel: 2}
            space:
              trial: {choice: [radiomics-svm]}
              top-k: {int: [5, 20]}
              svm-c: {float: [0.1, 100], log: true}
            """);
        var database = Path.Combine(_directory, "studies", "cancel.db");

        using (var run = Olnm("sweep", "run", experiment, "--data", SharedData))
        {
            await WaitForRunningTrial(database, run);
            using (var kill = Process.Start("kill", ["-" + signal, run.Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            Assert.Equal(130, await run.ExitAsync());
            Assert.Contains("error: cancelled; completed work was kept", run.Error);
        }

        using (var store = SqliteStudyStore.Open(database))
        {
            Assert.Equal(0, store.CountTrials(TrialStatus.Running));
            Assert.True(store.CountTrials(TrialStatus.Interrupted) >= 1, "no trial was marked interrupted");
        }

        using (var mismatch = Olnm("sweep", "resume", database, "--data", SharedData, "--seed", "43"))
        {
            Assert.Equal(1, await mismatch.ExitAsync());
            Assert.Contains("cohort seed: study has '42', this run has '43'", mismatch.Error);
        }

        using (var resume = Olnm("sweep", "resume", database, "--data", SharedData))
        {
            Assert.Equal(0, await resume.ExitAsync());
        }

        using var done = SqliteStudyStore.Open(database);
        Assert.Equal(Trials, done.CountTrials());
        Assert.Equal(Trials, done.CountTrials(TrialStatus.Complete));
    }

    /// <summary>Waits until the sweep has completed a trial and is running another, polling one open connection.</summary>
    private static async Task WaitForRunningTrial(string database, OlnmProcess run)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        SqliteStudyStore? store = null;
        try
        {
            while (DateTime.UtcNow < deadline && !run.Process.HasExited)
            {
                store ??= File.Exists(database) ? SqliteStudyStore.Open(database) : null;
                if (store is not null && store.CountTrials(TrialStatus.Complete) >= 1 && store.CountTrials(TrialStatus.Running) >= 1)
                {
                    return;
                }

                await Task.Delay(5);
            }
        }
        finally
        {
            store?.Dispose();
        }

        var exit = run.Process.HasExited ? $"exited with {run.Process.ExitCode}" : "still running";
        throw new TimeoutException($"olnm ran no trial while the test watched it for 5 minutes ({exit}); its error output:\n{run.Error}");
    }

    private OlnmProcess Olnm(params string[] arguments) => new(_directory, arguments);

    /// <summary>One data folder for every test here, so the synthetic cohort and its radiomics are made once.</summary>
    public sealed class CohortFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("olnm-cli-cancel-data-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }

    /// <summary>The CLI in a child process, in the test's folder, with its output captured.</summary>
    private sealed class OlnmProcess : IDisposable
    {
        private readonly StringBuilder _error = new();

        public OlnmProcess(string workingDirectory, string[] arguments)
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "olnm.dll"));
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["CI"] = "true";
            Process = Process.Start(start)!;
            Process.OutputDataReceived += (_, _) => { };
            Process.ErrorDataReceived += (_, e) =>
            {
                lock (_error)
                {
                    _error.AppendLine(e.Data);
                }
            };
            Process.BeginOutputReadLine();
            Process.BeginErrorReadLine();
        }

        public Process Process { get; }

        public string Error
        {
            get
            {
                lock (_error)
                {
                    return _error.ToString();
                }
            }
        }

        public async Task<int> ExitAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await Process.WaitForExitAsync(timeout.Token);
            Process.WaitForExit();
            return Process.ExitCode;
        }

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
                Process.WaitForExit();
            }

            Process.Dispose();
        }
    }
}
