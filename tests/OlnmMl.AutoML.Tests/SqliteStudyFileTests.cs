using Microsoft.Data.Sqlite;
using OlnmMl.AutoML.Spaces;
using OlnmMl.AutoML.Store;

namespace OlnmMl.AutoML.Tests;

/// <summary>What the SQLite store does with files that are not a healthy current study: refuse them (saying how to recover) or migrate them.</summary>
public sealed class SqliteStudyFileTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    private string DatabasePath => Path.Combine(_folder.Path, "study.db");

    public void Dispose() => _folder.Dispose();

    private static StudyInfo Info { get; } = new("file", "name: file", new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

    private static TrialStart Start() => new(
        new ParameterSet(new Dictionary<string, ParameterValue> { ["trial"] = ParameterValue.Of("svm") }), 1, null, null, DateTimeOffset.UtcNow);

    [Fact]
    public void An_empty_file_is_refused_and_left_empty()
    {
        File.WriteAllBytes(DatabasePath, []);
        var error = Assert.Throws<OlnmUserException>(() => SqliteStudyStore.Open(DatabasePath));
        Assert.Contains(DatabasePath, error.Message);
        Assert.Contains("empty", error.Message);
        Assert.Equal(0, new FileInfo(DatabasePath).Length);
    }

    [Fact]
    public void A_file_that_is_not_sqlite_is_refused_unchanged()
    {
        File.WriteAllText(DatabasePath, "name: not a database\n");
        var error = Assert.Throws<OlnmUserException>(() => SqliteStudyStore.Open(DatabasePath));
        Assert.Contains("not a study database", error.Message);
        Assert.Equal("name: not a database\n", File.ReadAllText(DatabasePath));
    }

    [Fact]
    public void A_damaged_study_is_a_user_error_that_says_how_to_recover()
    {
        using (var store = SqliteStudyStore.Create(DatabasePath, Info))
        {
            for (var i = 0; i < 200; i++)
            {
                store.StartTrial(Start());
            }
        }

        using (var file = new FileStream(DatabasePath, FileMode.Open, FileAccess.Write))
        {
            // Keep the header page, overwrite the b-tree pages after it.
            file.Position = 4096;
            file.Write(Enumerable.Repeat((byte)0xA5, 3 * 4096).ToArray());
        }

        var error = Assert.Throws<OlnmUserException>(() => SqliteStudyStore.Open(DatabasePath));
        Assert.Contains(DatabasePath, error.Message);
        Assert.Contains("is damaged", error.Message);
        Assert.Contains("olnm sweep run", error.Message);
    }

    [Fact]
    public void Creation_leaves_only_the_study_file_and_refuses_an_existing_one()
    {
        using (SqliteStudyStore.Create(DatabasePath, Info, new Dictionary<string, string> { ["cohort seed"] = "42" }))
        {
        }

        Assert.Equal(["study.db"], Directory.GetFiles(_folder.Path).Select(Path.GetFileName));
        Assert.Throws<IOException>(() => SqliteStudyStore.Create(DatabasePath, Info));
        using var reopened = SqliteStudyStore.Open(DatabasePath);
        Assert.Equal("42", reopened.Inputs["cohort seed"]);
    }

    [Fact]
    public void A_schema_1_study_is_migrated_so_its_running_trials_can_be_interrupted_report_values_and_finish()
    {
        using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                PRAGMA journal_mode = WAL;
                CREATE TABLE study (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE trials (
                    number INTEGER PRIMARY KEY, status TEXT NOT NULL, parameters TEXT NOT NULL, seed INTEGER NOT NULL,
                    budget INTEGER NULL, promoted_from INTEGER NULL, started_at TEXT NOT NULL, duration_ticks INTEGER NOT NULL,
                    peak_memory_bytes INTEGER NOT NULL, objective REAL NULL, metrics TEXT NOT NULL, artefacts TEXT NOT NULL,
                    versions TEXT NOT NULL, error TEXT NULL);
                CREATE TRIGGER trials_immutable BEFORE UPDATE ON trials WHEN OLD.status <> 'Running'
                BEGIN SELECT RAISE(ABORT, 'trial records are immutable once finished'); END;
                CREATE TRIGGER trials_no_delete BEFORE DELETE ON trials
                BEGIN SELECT RAISE(ABORT, 'trial records are never deleted'); END;
                INSERT INTO study (key, value) VALUES ('schema', '1'), ('name', 'old'), ('definition', 'name: old'), ('created_at', '2026-11-01T00:00:00.0000000+00:00');
                INSERT INTO trials VALUES (0, 'Running', '{"trial":"svm"}', 1, NULL, NULL, '2026-11-01T00:00:00.0000000+00:00', 0, 0, NULL, '{}', '{}', '{}', NULL);
                """;
            command.ExecuteNonQuery();
        }

        using var store = SqliteStudyStore.Open(DatabasePath);
        Assert.Equal("old", store.Study.Name);
        Assert.Empty(store.Inputs);
        store.InterruptTrial(0, "cancelled");
        store.ReportIntermediate(0, 0, 0.5);
        var interrupted = store.GetTrial(0);
        store.FinishTrial(interrupted with { Status = TrialStatus.Failed, Error = "boom" });
        Assert.Equal(TrialStatus.Failed, store.GetTrial(0).Status);
        Assert.Throws<InvalidOperationException>(() => store.FinishTrial(interrupted with { Status = TrialStatus.Complete }));
        Assert.Equal([new IntermediateValue(0, 0, 0.5)], store.GetIntermediateValues());
    }

    [Fact]
    public void A_study_of_a_newer_schema_is_refused_naming_the_versions()
    {
        using (SqliteStudyStore.Create(DatabasePath, Info))
        {
        }

        using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE study SET value = '9' WHERE key = 'schema'";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<OlnmUserException>(() => SqliteStudyStore.Open(DatabasePath));
        Assert.Contains("schema 9", error.Message);
        Assert.Contains("upgrade olnm", error.Message);
    }
}
