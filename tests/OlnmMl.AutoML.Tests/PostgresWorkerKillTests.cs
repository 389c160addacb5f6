using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;
using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Postgres;
using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.Store;
using OlnmMl.Tests.Shared;
using OlnmMl.AutoML.SweepHost;

namespace OlnmMl.AutoML.Tests;

/// <summary>
/// Four worker processes (OlnmMl.AutoML.SweepHost) on one PostgreSQL study; one (whose trials never end by themselves)
/// is killed with SIGKILL mid-trial and a replacement started. Every trial number is completed exactly once, the killed trial is retried by another
/// worker only after the grace period, and the records equal those of a single in-process worker with the same seeds.
/// </summary>
public sealed partial class PostgresWorkerKillTests
{
    private const int Trials = 16;
    private const int DelayMs = 1000;

    /// <summary>The victim's trials take this long, so it is surely mid-trial when killed.</summary>
    private const int VictimDelayMs = 600_000;

    /// <summary>Short for a test, long enough that a live worker on a loaded machine renews in time.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    [SkippableFact]
    public async Task Workers_share_a_study_and_a_killed_workers_trial_is_retried_once_after_the_grace_period()
    {
        using var database = PostgresTestDatabase.Create();
        using var folder = new TempDirectory();
        var experiment = SweepRunnerTests.Experiment(tuner: "random", trials: Trials, parallel: 1) with { Name = "workers" };
        var experimentPath = Path.Combine(folder.Path, "workers.yaml");
        File.WriteAllText(experimentPath, ExperimentYaml.Write(experiment));
        var artefacts = Path.Combine(folder.Path, "artefacts");

        var workers = Enumerable.Range(0, 3)
            .Select(_ => SweepHostProcess.Worker(database.ConnectionString, "workers", experimentPath, artefacts, Grace, DelayMs)).ToList();
        var victim = SweepHostProcess.Worker(database.ConnectionString, "workers", experimentPath, artefacts, Grace, VictimDelayMs);
        workers.Add(victim);
        try
        {
            await UntilRunningWithSomeComplete(database.ConnectionString, victim);
            await victim.KillAsync();
            var (killedTrial, lastHeartbeat) = Assert.Single(TrialsHeldBy(database.ConnectionString, victim.Id));
            workers.Add(SweepHostProcess.Worker(database.ConnectionString, "workers", experimentPath, artefacts, Grace, DelayMs));

            foreach (var worker in workers.Where(w => w != victim))
            {
                Assert.True(await worker.ExitAsync(TimeSpan.FromSeconds(120)) == 0, worker.Output);
            }

            using var store = PostgresStudyStore.Open(database.ConnectionString, "workers");
            var trials = store.GetTrials();
            Assert.Equal(Enumerable.Range(0, Trials), trials.Select(t => t.Number));
            Assert.All(trials, t => Assert.Equal(TrialStatus.Complete, t.Status));
            foreach (var trial in trials)
            {
                var execution = File.ReadAllText(Path.Combine(artefacts, $"trial-{trial.Number:D5}", SyntheticTrialFactory.ExecutionFile));
                Assert.Equal(trial.Versions[SyntheticTrialFactory.PidVersion], execution);
            }

            // Completed exactly once: one "complete" line per trial over every worker's output, the killed one's included.
            var completions = workers.SelectMany(w => CompleteLine().Matches(w.Output).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)));
            Assert.Equal(Enumerable.Range(0, Trials), completions.Order());

            var retried = trials[killedTrial];
            Assert.NotEqual(victim.Id.ToString(CultureInfo.InvariantCulture), retried.Versions[SyntheticTrialFactory.PidVersion]);
            Assert.True(retried.StartedAt >= lastHeartbeat + Grace,
                $"trial {killedTrial} restarted at {retried.StartedAt:O}, {retried.StartedAt - lastHeartbeat} after its last heartbeat: within the grace period {Grace}");
            Assert.Equal(1, Retries(database.ConnectionString, killedTrial));

            await AssertSameAsOneWorker(experiment, trials);
        }
        finally
        {
            foreach (var worker in workers)
            {
                worker.Dispose();
            }
        }
    }

    /// <summary>Waits until <paramref name="victim"/> runs a trial and 3 trials are complete.</summary>
    private static async Task UntilRunningWithSomeComplete(string connectionString, SweepHostProcess victim)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (TrialsHeldBy(connectionString, victim.Id).Count > 0 && Count(connectionString, "Complete") >= 3)
                {
                    return;
                }
            }
            catch (PostgresException e) when (e.SqlState == "42P01")
            {
                // The first worker has not created the tables yet.
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"The victim ran no trial beside 3 complete ones within 90 s: {victim.Output}");
    }

    private static long Count(string connectionString, string status)
    {
        using var source = NpgsqlDataSource.Create(connectionString);
        using var command = source.CreateCommand($"SELECT COUNT(*) FROM olnm_trials WHERE status = '{status}'");
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>The open trials whose lease names process <paramref name="pid"/>, with their last heartbeats.</summary>
    private static List<(int Number, DateTimeOffset Heartbeat)> TrialsHeldBy(string connectionString, int pid)
    {
        using var source = NpgsqlDataSource.Create(connectionString);
        using var command = source.CreateCommand($"SELECT number, heartbeat_at FROM olnm_trials WHERE status = 'Running' AND holder LIKE 'pid {pid} %'");
        using var reader = command.ExecuteReader();
        var held = new List<(int, DateTimeOffset)>();
        while (reader.Read())
        {
            held.Add((reader.GetInt32(0), reader.GetFieldValue<DateTimeOffset>(1)));
        }

        return held;
    }

    private static int Retries(string connectionString, int trial)
    {
        using var source = NpgsqlDataSource.Create(connectionString);
        using var command = source.CreateCommand($"SELECT retries FROM olnm_trials WHERE number = {trial}");
        return (int)command.ExecuteScalar()!;
    }

    /// <summary>Parameters, seeds, objectives and metrics equal those of one worker running the same experiment in process.</summary>
    private static async Task AssertSameAsOneWorker(ExperimentDefinition experiment, IReadOnlyList<TrialRecord> trials)
    {
        using var folder = new TempDirectory();
        using var alone = new InMemoryStudyStore(new StudyInfo(experiment.Name, ExperimentYaml.Write(experiment), DateTimeOffset.UtcNow));
        await new SweepRunner(experiment, alone, new TrialFactoryRegistry().Register(new SyntheticTrialFactory(TimeSpan.Zero)), folder.Path).RunAsync();
        var expected = alone.GetTrials();
        Assert.Equal(expected.Select(t => (t.Number, t.Parameters, t.Seed, t.Objective)), trials.Select(t => (t.Number, t.Parameters, t.Seed, t.Objective)));
        Assert.All(expected.Zip(trials), pair => Assert.Equal(pair.First.Metrics["validation"], pair.Second.Metrics["validation"]));
    }

    [GeneratedRegex(@"^\[trial (\d+)\] complete", RegexOptions.Multiline)]
    private static partial Regex CompleteLine();
}
