using System.Collections.Immutable;
using OlnmMl.AutoML.Spaces;
using OlnmMl.AutoML.Store;

namespace OlnmMl.AutoML.Tests;

/// <summary>The contract every study store passes (see <see cref="IStudyStore"/>); one subclass per store.</summary>
public abstract class StudyStoreContractTests : IDisposable
{
    protected StudyStoreContractTests()
    {
        Folder = new TempDirectory();
    }

    protected TempDirectory Folder { get; }

    protected static StudyInfo Info { get; } = new("contract", "name: contract", new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));

    protected abstract IStudyStore Create();

    /// <summary>Removes what <see cref="Create"/> made outside <see cref="Folder"/> (a server-side database).</summary>
    protected virtual void DisposeStore()
    {
    }

    public void Dispose()
    {
        DisposeStore();
        Folder.Dispose();
        GC.SuppressFinalize(this);
    }

    protected static TrialStart Start(double c) => new(
        new ParameterSet(new Dictionary<string, ParameterValue> { ["trial"] = ParameterValue.Of("svm"), ["c"] = ParameterValue.Of(c) }),
        Seed: 42, Budget: 3, PromotedFrom: null, new DateTimeOffset(2026, 11, 24, 10, 1, 0, TimeSpan.Zero));

    protected static TrialRecord Complete(TrialRecord started) => started with
    {
        Status = TrialStatus.Complete,
        Objective = 0.8125,
        Duration = TimeSpan.FromMilliseconds(1234.5),
        PeakMemoryBytes = 123_456_789,
        Metrics = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, ImmutableSortedDictionary<string, double>>
        {
            ["validation"] = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, double> { ["auc"] = 0.8125, ["brier"] = double.NaN }),
            ["test1"] = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, double> { ["auc"] = 0.7 }),
        }),
        Artefacts = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string> { ["predictions"] = "trial-00000/predictions.tsv" }),
        Versions = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string> { ["olnmml.automl"] = "0.1.0" }),
    };

    [SkippableFact]
    public void Trials_are_numbered_from_zero_in_order()
    {
        using var store = Create();
        var numbers = Enumerable.Range(0, 5).Select(i => store.StartTrial(Start(i)).Number).ToArray();
        Assert.Equal([0, 1, 2, 3, 4], numbers);
        Assert.Equal(5, store.CountTrials(TrialStatus.Running));
    }

    [SkippableFact]
    public void A_finished_record_reads_back_field_for_field()
    {
        using var store = Create();
        var finished = Complete(store.StartTrial(Start(1.5)));
        store.FinishTrial(finished);
        var read = store.GetTrial(0);
        Assert.Equal(finished, read);
        Assert.True(double.IsNaN(read.Metrics["validation"]["brier"]));
        Assert.Equal(Info, store.Study);
    }

    [SkippableFact]
    public void A_finished_trial_is_immutable()
    {
        using var store = Create();
        var finished = Complete(store.StartTrial(Start(1)));
        store.FinishTrial(finished);
        var error = Assert.Throws<InvalidOperationException>(() => store.FinishTrial(finished with { Objective = 0.99 }));
        Assert.Contains("immutable", error.Message);
        Assert.Equal(0.8125, store.GetTrial(0).Objective);
    }

    [SkippableFact]
    public void Finishing_needs_a_started_trial_a_final_status_and_the_same_parameters()
    {
        using var store = Create();
        var started = store.StartTrial(Start(1));
        Assert.Throws<InvalidOperationException>(() => store.FinishTrial(Complete(started) with { Number = 7 }));
        Assert.Throws<InvalidOperationException>(() => store.FinishTrial(started));
        var other = Start(2).Parameters;
        var error = Assert.Throws<InvalidOperationException>(() => store.FinishTrial(Complete(started) with { Parameters = other }));
        Assert.Contains("Trial 0", error.Message);
    }

    [SkippableFact]
    public void A_failed_trial_keeps_its_error()
    {
        using var store = Create();
        var started = store.StartTrial(Start(1));
        store.FinishTrial(started with { Status = TrialStatus.Failed, Error = "System.InvalidOperationException: boom" });
        var read = store.GetTrial(0);
        Assert.Equal(TrialStatus.Failed, read.Status);
        Assert.Equal("System.InvalidOperationException: boom", read.Error);
        Assert.Null(read.Objective);
    }

    [SkippableFact]
    public void Intermediate_values_read_back_per_trial_and_for_all_ordered_by_trial_then_step()
    {
        using var store = Create();
        store.StartTrial(Start(1));
        store.StartTrial(Start(2));
        store.ReportIntermediate(1, 2, 0.75);
        store.ReportIntermediate(0, 1, 0.5);
        store.ReportIntermediate(1, 0, double.NaN);
        store.ReportIntermediate(0, 0, 0.25);
        store.ReportIntermediate(0, 1, 0.625);
        Assert.Equal([new(0, 0, 0.25), new(0, 1, 0.625)], store.GetIntermediateValues(0));
        var all = store.GetIntermediateValues();
        Assert.Equal([(0, 0), (0, 1), (1, 0), (1, 2)], all.Select(v => (v.Trial, v.Step)));
        Assert.True(double.IsNaN(all[2].Value));
        Assert.Equal(0.75, all[3].Value);
        Assert.Empty(store.GetIntermediateValues(5));
    }

    [SkippableFact]
    public void A_finished_trials_intermediate_values_are_immutable_and_an_unknown_trial_reports_nothing()
    {
        using var store = Create();
        var started = store.StartTrial(Start(1));
        store.ReportIntermediate(0, 0, 0.5);
        store.InterruptTrial(0, "stopped");
        store.ReportIntermediate(0, 1, 0.6);
        store.FinishTrial(Complete(started));
        var error = Assert.Throws<InvalidOperationException>(() => store.ReportIntermediate(0, 1, 0.9));
        Assert.Contains("immutable", error.Message);
        Assert.Throws<InvalidOperationException>(() => store.ReportIntermediate(0, 2, 0.9));
        Assert.Throws<InvalidOperationException>(() => store.ReportIntermediate(3, 0, 0.9));
        var open = store.StartTrial(Start(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.ReportIntermediate(open.Number, -1, 0.9));
        Assert.Equal([new(0, 0, 0.5), new(0, 1, 0.6)], store.GetIntermediateValues());
    }

    [SkippableFact]
    public void Concurrent_starts_get_distinct_consecutive_numbers()
    {
        using var store = Create();
        var numbers = new int[64];
        Parallel.For(0, numbers.Length, i => numbers[i] = store.StartTrial(Start(i)).Number);
        Assert.Equal(Enumerable.Range(0, 64), numbers.Order());
        Assert.Equal(64, store.GetTrials().Count);
    }

    [SkippableFact]
    public void A_trial_is_started_only_under_the_number_its_caller_expects()
    {
        using var store = Create();
        Assert.Null(store.TryStartTrial(1, Start(1)));
        Assert.Equal(0, store.TryStartTrial(0, Start(1))!.Number);
        Assert.Null(store.TryStartTrial(0, Start(2)));
        Assert.Equal(1, store.CountTrials());
        Assert.Equal(Start(1).Parameters, store.GetTrial(0).Parameters);
    }

    [SkippableFact]
    public void An_unknown_trial_is_reported_by_number()
    {
        using var store = Create();
        var error = Assert.Throws<KeyNotFoundException>(() => store.GetTrial(3));
        Assert.Contains("3", error.Message);
    }

    [SkippableFact]
    public void A_trial_claimed_by_a_live_holder_is_claimed_by_no_other_until_its_lease_ends()
    {
        using var store = Create();
        var first = store.AcquireLease("first", TimeSpan.Zero);
        var trial = store.StartTrial(Start(1)).Number;
        Assert.True(first.TryClaim(trial));
        Assert.Contains($"pid {Environment.ProcessId}", first.Holder);
        Assert.Contains("(first)", first.Holder);

        // A study-level store refuses the second holder outright, naming the first; a per-trial one refuses the claim.
        try
        {
            using var second = store.AcquireLease("second", TimeSpan.Zero);
            Assert.False(second.TryClaim(trial));
        }
        catch (StudyInUseException e)
        {
            Assert.Contains("(first)", e.Message);
        }

        first.Dispose();
        using var third = store.AcquireLease("third", TimeSpan.Zero);
        Assert.True(third.TryClaim(trial));
    }

    [SkippableFact]
    public void Only_a_running_trial_is_interrupted_and_an_interrupted_one_finishes_once()
    {
        using var store = Create();
        var started = store.StartTrial(Start(1));
        store.InterruptTrial(started.Number, "cancelled");
        var interrupted = store.GetTrial(started.Number);
        Assert.Equal(TrialStatus.Interrupted, interrupted.Status);
        Assert.Equal("cancelled", interrupted.Error);
        Assert.Throws<InvalidOperationException>(() => store.InterruptTrial(started.Number, "again"));
        Assert.Throws<InvalidOperationException>(() => store.FinishTrial(interrupted));

        var finished = Complete(started);
        store.FinishTrial(finished);
        Assert.Equal(finished, store.GetTrial(started.Number));
        Assert.Throws<InvalidOperationException>(() => store.InterruptTrial(started.Number, "late"));
        Assert.Throws<InvalidOperationException>(() => store.FinishTrial(finished with { Objective = 0.1 }));
    }

    [SkippableFact]
    public void Recorded_inputs_are_kept_and_never_change()
    {
        using var store = Create();
        store.RecordInputs(new Dictionary<string, string> { ["cohort seed"] = "42" });
        store.RecordInputs(new Dictionary<string, string> { ["cohort seed"] = "42", ["preset"] = "tiny" });
        var error = Assert.Throws<InvalidOperationException>(() => store.RecordInputs(new Dictionary<string, string> { ["cohort seed"] = "43" }));
        Assert.Contains("cohort seed", error.Message);
        Assert.Equal(new Dictionary<string, string> { ["cohort seed"] = "42", ["preset"] = "tiny" }, store.Inputs);
    }
}

public class InMemoryStudyStoreContractTests : StudyStoreContractTests
{
    protected override IStudyStore Create() => new InMemoryStudyStore(Info);

    [SkippableFact]
    public void A_trial_lease_expires_without_a_heartbeat_and_its_holder_learns_it_lost_it()
    {
        var time = new ManualTime();
        using var store = new InMemoryStudyStore(Info, TimeSpan.FromSeconds(30), time);
        using var first = store.AcquireLease("first", TimeSpan.Zero);
        using var second = store.AcquireLease("second", TimeSpan.Zero);
        var trial = store.StartTrial(Start(1)).Number;
        Assert.True(first.TryClaim(trial));
        Assert.Equal(TimeSpan.FromSeconds(10), first.HeartbeatInterval);

        time.Advance(TimeSpan.FromSeconds(20));
        first.Renew();
        time.Advance(TimeSpan.FromSeconds(20));
        Assert.False(second.TryClaim(trial)); // 40 s after the claim, but 20 s after the heartbeat

        time.Advance(TimeSpan.FromSeconds(11));
        Assert.True(second.TryClaim(trial));
        var lost = Assert.Throws<StudyLeaseLostException>(first.Renew);
        Assert.Contains($"trial(s) {trial}", lost.Message);
        Assert.False(first.TryClaim(trial));
    }

    [Fact]
    public void A_trial_whose_lease_keeps_expiring_is_failed_when_retries_run_out()
    {
        var time = new ManualTime();
        using var store = new InMemoryStudyStore(Info, TimeSpan.FromSeconds(30), time, maxRetries: 1);
        var trial = store.StartTrial(Start(1)).Number;
        using var first = store.AcquireLease("first", TimeSpan.Zero);
        using var retry = store.AcquireLease("retry", TimeSpan.Zero);
        using var last = store.AcquireLease("last", TimeSpan.Zero);
        Assert.True(first.TryClaim(trial));
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(retry.TryClaim(trial)); // retry 1 of 1
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.False(last.TryClaim(trial));
        var failed = store.GetTrial(trial);
        Assert.Equal(TrialStatus.Failed, failed.Status);
        Assert.Contains("no retries left", failed.Error);
    }

    private sealed class ManualTime : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

        public void Advance(TimeSpan by) => _now += by;

        public override DateTimeOffset GetUtcNow() => _now;
    }
}

public class SqliteStudyStoreContractTests : StudyStoreContractTests
{
    private string DatabasePath => Path.Combine(Folder.Path, "contract.db");

    protected override IStudyStore Create() => SqliteStudyStore.Create(DatabasePath, Info);

    [SkippableFact]
    public void Reopening_returns_the_same_records_and_the_interrupted_trials()
    {
        TrialRecord finished;
        using (var store = Create())
        {
            finished = Complete(store.StartTrial(Start(1)));
            store.FinishTrial(finished);
            store.StartTrial(Start(2));
        }

        using var reopened = SqliteStudyStore.Open(DatabasePath);
        Assert.Equal(finished, reopened.GetTrial(0));
        Assert.Equal(TrialStatus.Running, reopened.GetTrial(1).Status);
        Assert.Equal(2, reopened.StartTrial(Start(3)).Number);
    }

    [SkippableFact]
    public void The_database_uses_the_write_ahead_log_and_refuses_direct_edits_of_finished_trials()
    {
        using (var store = Create())
        {
            store.FinishTrial(Complete(store.StartTrial(Start(1))));
        }

        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var mode = connection.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", mode.ExecuteScalar());
        using var update = connection.CreateCommand();
        update.CommandText = "UPDATE trials SET objective = 0.99 WHERE number = 0";
        var error = Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() => update.ExecuteNonQuery());
        Assert.Contains("immutable", error.Message);
    }

    [SkippableFact]
    public void A_trial_whose_recorded_holder_died_is_retried_and_failed_when_retries_run_out()
    {
        using (var store = Create())
        {
            store.StartTrial(Start(1));
        }

        void DieHolding(string holder)
        {
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabasePath};Pooling=False");
            connection.Open();
            using var update = connection.CreateCommand();
            update.CommandText = $"UPDATE trials SET holder = '{holder}' WHERE number = 0";
            update.ExecuteNonQuery();
        }

        DieHolding("a process that was killed");
        using (var resumed = SqliteStudyStore.Open(DatabasePath, maxRetries: 1))
        using (var lease = resumed.AcquireLease("resume", TimeSpan.Zero))
        {
            Assert.True(lease.TryClaim(0)); // retry 1 of 1
            Assert.True(lease.TryClaim(0)); // its own claim: no retry
        }

        DieHolding("the retry, killed too");
        using var last = SqliteStudyStore.Open(DatabasePath, maxRetries: 1);
        using var again = last.AcquireLease("resume", TimeSpan.Zero);
        Assert.False(again.TryClaim(0));
        var failed = last.GetTrial(0);
        Assert.Equal(TrialStatus.Failed, failed.Status);
        Assert.Contains("no retries left", failed.Error);
    }

    [SkippableFact]
    public void Creating_over_an_existing_study_is_refused()
    {
        using (Create())
        {
        }

        var error = Assert.Throws<IOException>(() => SqliteStudyStore.Create(DatabasePath, Info));
        Assert.Contains(DatabasePath, error.Message);
    }
}
