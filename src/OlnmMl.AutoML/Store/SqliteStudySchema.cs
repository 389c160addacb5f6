using System.Globalization;
using Microsoft.Data.Sqlite;

namespace OlnmMl.AutoML.Store;

/// <summary>
/// The study file's schema: creation, the checks that a file is a readable study, and the forward migrations of
/// older versions (<see cref="Migrations"/>: 1 → 2 the Interrupted status and recorded inputs, 2 → 3 trial leases
/// and retries, 3 → 4 the intermediate values table), applied in one transaction on open. Only a version newer than <see cref="Version"/> is refused.
/// </summary>
internal static class SqliteStudySchema
{
    public const int Version = 4;

    /// <summary>Prefix of the study-table keys holding <see cref="IStudyStore.Inputs"/>.</summary>
    public const string InputPrefix = "input.";

    private const string ImmutableTrigger = """
        CREATE TRIGGER trials_immutable BEFORE UPDATE ON trials WHEN OLD.status NOT IN ('Running', 'Interrupted')
        BEGIN SELECT RAISE(ABORT, 'trial records are immutable once finished'); END;
        CREATE TRIGGER study_inputs_immutable BEFORE UPDATE ON study WHEN OLD.key LIKE 'input.%'
        BEGIN SELECT RAISE(ABORT, 'recorded study inputs never change'); END;
        """;

    /// <summary>Migration to version <c>v</c> (key) from <c>v − 1</c>; append, never edit.</summary>
    private static readonly SortedDictionary<int, string> Migrations = new()
    {
        [2] = "DROP TRIGGER IF EXISTS trials_immutable; DROP TRIGGER IF EXISTS study_inputs_immutable;" + ImmutableTrigger,
        [3] = "ALTER TABLE trials ADD COLUMN holder TEXT NULL; ALTER TABLE trials ADD COLUMN retries INTEGER NOT NULL DEFAULT 0;",
        [4] = """
            CREATE TABLE intermediate_values (
                number INTEGER NOT NULL REFERENCES trials (number), step INTEGER NOT NULL, value REAL NULL,
                PRIMARY KEY (number, step));
            CREATE TRIGGER intermediate_values_insert BEFORE INSERT ON intermediate_values
                WHEN (SELECT status FROM trials WHERE number = NEW.number) NOT IN ('Running', 'Interrupted')
            BEGIN SELECT RAISE(ABORT, 'intermediate values are immutable once the trial finished'); END;
            CREATE TRIGGER intermediate_values_update BEFORE UPDATE ON intermediate_values
                WHEN (SELECT status FROM trials WHERE number = OLD.number) NOT IN ('Running', 'Interrupted')
            BEGIN SELECT RAISE(ABORT, 'intermediate values are immutable once the trial finished'); END;
            CREATE TRIGGER intermediate_values_no_delete BEFORE DELETE ON intermediate_values
            BEGIN SELECT RAISE(ABORT, 'intermediate values are never deleted'); END;
            """,
    };

    /// <summary>Creates the tables of the current version (the version-2 layout, then the later migrations).</summary>
    public static void Create(SqliteConnection connection, SqliteTransaction transaction)
    {
        Execute(connection, transaction, """
            CREATE TABLE study (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE trials (
                number INTEGER PRIMARY KEY, status TEXT NOT NULL, parameters TEXT NOT NULL, seed INTEGER NOT NULL,
                budget INTEGER NULL, promoted_from INTEGER NULL, started_at TEXT NOT NULL, duration_ticks INTEGER NOT NULL,
                peak_memory_bytes INTEGER NOT NULL, objective REAL NULL, metrics TEXT NOT NULL, artefacts TEXT NOT NULL,
                versions TEXT NOT NULL, error TEXT NULL);
            CREATE TRIGGER trials_no_delete BEFORE DELETE ON trials
            BEGIN SELECT RAISE(ABORT, 'trial records are never deleted'); END;
            """ + ImmutableTrigger);
        foreach (var migration in Migrations.Where(m => m.Key > 2))
        {
            Execute(connection, transaction, migration.Value);
        }
    }

    /// <summary>Throws unless <paramref name="path"/> starts with the SQLite header (an empty or foreign file is never opened, so never turned into a database).</summary>
    public static void RequireDatabaseFile(string path)
    {
        Span<byte> header = stackalloc byte[16];
        int read;
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            read = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }

        if (read < header.Length || !header.SequenceEqual("SQLite format 3\0"u8))
        {
            throw new OlnmUserException(path, read == 0
                ? "is empty, not a study database; delete it and start the study again with 'olnm sweep run'"
                : "is not a study database (no SQLite header); pass the study's .db file");
        }
    }

    /// <summary>Checks integrity and migrates an older schema forward; returns the study table's values.</summary>
    public static Dictionary<string, string> CheckAndMigrate(SqliteConnection connection, string path)
    {
        using (var check = connection.CreateCommand())
        {
            check.CommandText = "PRAGMA quick_check";
            if (check.ExecuteScalar() as string is not "ok" and var problem)
            {
                throw Damaged(path, $"integrity check: {problem}");
            }
        }

        var values = ReadStudyTable(connection, null);
        var schema = values.GetValueOrDefault("schema");
        if (!int.TryParse(schema, CultureInfo.InvariantCulture, out var version) || version < 1)
        {
            throw new OlnmUserException(path, $"has no known study schema ('{schema}'); it is not a study database of olnm");
        }

        if (version > Version)
        {
            throw new OlnmUserException(path, $"has study schema {version}, written by a newer olnm; this one reads versions 1 to {Version} — upgrade olnm to resume it");
        }

        if (version < Version)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            foreach (var migration in Migrations.Where(m => m.Key > version))
            {
                Execute(connection, transaction, migration.Value);
            }

            Execute(connection, transaction, $"UPDATE study SET value = '{Version}' WHERE key = 'schema'");
            transaction.Commit();
            values["schema"] = Version.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var key in new[] { "name", "definition", "created_at" })
        {
            if (!values.ContainsKey(key))
            {
                throw Damaged(path, $"the study table has no '{key}'");
            }
        }

        return values;
    }

    public static Dictionary<string, string> ReadStudyTable(SqliteConnection connection, SqliteTransaction? transaction)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        using var query = connection.CreateCommand();
        query.Transaction = transaction;
        query.CommandText = "SELECT key, value FROM study";
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            values[reader.GetString(0)] = reader.GetString(1);
        }

        return values;
    }

    public static void InsertStudyValues(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<KeyValuePair<string, string>> values)
    {
        foreach (var (key, value) in values)
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO study (key, value) VALUES ($k, $v)";
            insert.Parameters.AddWithValue("$k", key);
            insert.Parameters.AddWithValue("$v", value);
            insert.ExecuteNonQuery();
        }
    }

    /// <summary>The error for a study file SQLite cannot read, saying how to recover.</summary>
    public static OlnmUserException Damaged(string path, string problem, Exception? inner = null) =>
        new(path, $"is damaged ({problem}); restore it from a backup, or start a new study with 'olnm sweep run' (finished trials' files stay in the .artefacts folder)", inner);

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
