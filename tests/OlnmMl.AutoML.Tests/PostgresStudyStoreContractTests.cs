using OlnmMl.AutoML.Postgres;
using OlnmMl.AutoML.Store;
using OlnmMl.Tests.Shared;

namespace OlnmMl.AutoML.Tests;

/// <summary>The store contract against a real PostgreSQL server (see <see cref="PostgresTestDatabase"/>), plus its own rules.</summary>
public sealed class PostgresStudyStoreContractTests : StudyStoreContractTests
{
    private PostgresTestDatabase? _database;

    private PostgresTestDatabase Database => _database ??= PostgresTestDatabase.Create();

    protected override IStudyStore Create() => PostgresStudyStore.Create(Database.ConnectionString, Info);

    protected override void DisposeStore() => _database?.Dispose();

    [SkippableFact]
    public void Many_studies_share_one_database_and_reopen_with_their_own_trials()
    {
        var other = Info with { Name = "other" };
        using (var first = Create())
        using (var second = PostgresStudyStore.Create(Database.ConnectionString, other))
        {
            first.FinishTrial(Complete(first.StartTrial(Start(1))));
            second.StartTrial(Start(2));
            second.StartTrial(Start(3));
        }

        using var reopened = PostgresStudyStore.Open(Database.ConnectionString, "other");
        Assert.Equal(other, reopened.Study);
        Assert.Equal([TrialStatus.Running, TrialStatus.Running], reopened.GetTrials().Select(t => t.Status));
        Assert.Equal(["contract", "other"], PostgresStudyStore.ListStudies(Database.ConnectionString));
        Assert.Throws<IOException>(() => PostgresStudyStore.Create(Database.ConnectionString, Info));
    }

    [SkippableFact]
    public void A_dead_workers_trial_is_retried_after_the_grace_period_and_failed_when_retries_run_out()
    {
        var options = new PostgresLeaseOptions(TimeSpan.FromMilliseconds(300), MaxRetries: 1);
        using var store = PostgresStudyStore.Create(Database.ConnectionString, Info, options: options);
        var trial = store.StartTrial(Start(1)).Number;
        var dead = store.AcquireLease("dead", TimeSpan.Zero);
        Assert.True(dead.TryClaim(trial));
        using var next = store.AcquireLease("next", TimeSpan.Zero);
        Assert.False(next.TryClaim(trial));

        Thread.Sleep(options.Grace * 2);
        Assert.True(next.TryClaim(trial)); // retry 1
        Assert.Throws<StudyLeaseLostException>(dead.Renew);

        using var last = store.AcquireLease("last", TimeSpan.Zero);
        Thread.Sleep(options.Grace * 2);
        Assert.False(last.TryClaim(trial)); // no retries left: recorded Failed
        var failed = store.GetTrial(trial);
        Assert.Equal(TrialStatus.Failed, failed.Status);
        Assert.Contains("no retries left", failed.Error);
    }

    [SkippableFact]
    public void A_database_of_a_newer_schema_is_refused_and_left_unchanged()
    {
        using (Create())
        {
        }

        using var server = Npgsql.NpgsqlDataSource.Create(Database.ConnectionString);
        using var versions = server.CreateCommand("SELECT string_agg(version::text, ',' ORDER BY version) FROM olnm_schema");
        var current = (string)versions.ExecuteScalar()!;
        Assert.StartsWith("1,2", current);
        using (var newer = server.CreateCommand("INSERT INTO olnm_schema (version) VALUES (99)"))
        {
            newer.ExecuteNonQuery();
        }

        var error = Assert.Throws<OlnmUserException>(() => PostgresStudyStore.Open(Database.ConnectionString, Info.Name));
        Assert.Contains("schema 99, written by a newer olnm", error.Message);
        Assert.Equal(current + ",99", versions.ExecuteScalar());
    }

    [SkippableFact]
    public void An_unreachable_server_and_a_wrong_password_are_one_clear_error_each()
    {
        _ = Database;
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(PostgresTestDatabase.Server) { Password = "wrong" };
        var refused = Assert.Throws<OlnmUserException>(() => PostgresStudyStore.Create(builder.ConnectionString, Info));
        Assert.Contains("refused the login", refused.Message);
        Assert.DoesNotContain("\n", refused.Message);

        var unreachable = Assert.Throws<OlnmUserException>(() => PostgresStudyStore.Open("postgresql://olnm:olnm@127.0.0.1:1/postgres", Info.Name));
        Assert.Contains("cannot reach the PostgreSQL server", unreachable.Message);
        Assert.Contains("postgresql://olnm@127.0.0.1:1/postgres", unreachable.Message);
    }
}
