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
/// Four worker processes (OlnmMl.AutoML.SweepHost) on one PostgreSQL study; one is killed with SIGKILL mid-trial and
/// a replacement started. Every trial number is completed exactly once, the killed trial is retried by another
/// worker only after the grace period, and the records equal those of a single in-process worker with the same seeds.
/// </summary>
public sealed partial class PostgresWorkerKillTests
{
    private const int Trials = 16;
    private const int DelayMs = 1500;
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(3);

    [SkippableFact]
    public async Task Workers_share_a_study_and_a_killed_workers_trial_is_retried_once_after_the_grace_period()
    {
        using var database = PostgresTestDatabase.Create();
        using var folder = new TempDirectory();
        var experiment = SweepRunnerTests.Experiment(tuner: "random", trials: Trials, parallel: 1) with { Name = "workers" };
        var experimentPath = Path.Combine(folder.Path, "workers.yaml");
        File.WriteAllText(experimentPath, ExperimentYaml.Write(experiment));
        var artefacts = Path.Combine(folder.Path, "artefacts");

        var workers = Enumerable.Range(0, 4)
            .Select(_ => SweepHostProcess.Worker(database.ConnectionString, "workers", experimentPath, artefacts, Grace, DelayMs)).ToList();
        try
        {
            var victim = await WorkerRunningATrial(database.ConnectionString, workers);
            var killedAt = DateTimeOffset.UtcNow;
            await victim.KillAsync();
            var killedTrial = Assert.Single(TrialsHeldBy(database.ConnectionString, victim.Id));
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
            Assert.True(retried.StartedAt >= killedAt + Grace * 2 / 3 - TimeSpan.FromMilliseconds(100),
                $"trial {killedTrial} restarted at {retried.StartedAt:O}, {retried.StartedAt - killedAt} after the kill: before the grace period {Grace}");
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

    /// <summary>Waits until some trials are complete and one is running; returns its worker.</summary>
    private static async Task<SweepHostProcess> WorkerRunningATrial(string connectionString, IReadOnlyList<SweepHostProcess> workers)
    {
        using var source = NpgsqlDataSource.Create(connectionString);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                // A trial claimed in the last half second: its worker is surely mid-trial when the kill comes.
                await using var command = source.CreateCommand("""
                    SELECT holder FROM olnm_trials
                    WHERE status = 'Running' AND holder IS NOT NULL AND heartbeat_at > now() - interval '0.5 s'
                      AND (SELECT COUNT(*) FROM olnm_trials WHERE status = 'Complete') >= 3
                    ORDER BY number LIMIT 1
                    """);
                if (await command.ExecuteScalarAsync() is string holder)
                {
                    var pid = int.Parse(HolderPid().Match(holder).Groups[1].Value, CultureInfo.InvariantCulture);
                    return workers.Single(w => w.Id == pid);
                }
            }
            catch (PostgresException e) when (e.SqlState == "42P01")
            {
                // The first worker has not created the tables yet.
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"No worker was running a trial after 3 complete within 90 s: {string.Join("\n", workers.Select(w => w.Output))}");
    }

    /// <summary>The open trials whose lease names process <paramref name="pid"/>.</summary>
    private static List<int> TrialsHeldBy(string connectionString, int pid)
    {
        using var source = NpgsqlDataSource.Create(connectionString);
        using var command = source.CreateCommand($"SELECT number FROM olnm_trials WHERE status = 'Running' AND holder LIKE 'pid {pid} %'");
        using var reader = command.ExecuteReader();
        var numbers = new List<int>();
        while (reader.Read())
        {
            numbers.Add(reader.GetInt32(0));
        }

        return numbers;
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

    [GeneratedRegex(@"pid (\d+)")]
    private static partial Regex HolderPid();
}
