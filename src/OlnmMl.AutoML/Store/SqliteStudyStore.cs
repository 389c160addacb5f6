using System.Globalization;
using Microsoft.Data.Sqlite;
using OlnmMl.AutoML.Spaces;

namespace OlnmMl.AutoML.Store;

/// <summary>
/// The embedded study store: one SQLite file per study, WAL journal (readers never block the writer,
/// a killed process loses nothing that was committed), a trigger that refuses to change a finished trial.
/// Safe for several threads and several processes on one machine (busy timeout 30 s).
/// </summary>
public sealed class SqliteStudyStore : IStudyStore
{
    /// <summary>Schema version written to the study table.</summary>
    public const int SchemaVersion = 1;

    private const string Columns =
        "number, status, parameters, seed, budget, promoted_from, started_at, duration_ticks, peak_memory_bytes, objective, metrics, artefacts, versions, error";

    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();

    private SqliteStudyStore(string path, SqliteConnection connection, StudyInfo study)
    {
        Path = path;
        _connection = connection;
        Study = study;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public StudyInfo Study { get; }

    /// <summary>Creates a new study file at <paramref name="path"/>; throws when the file exists.</summary>
    public static SqliteStudyStore Create(string path, StudyInfo study)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(study);
        if (File.Exists(path))
        {
            throw new IOException($"Study file '{path}' already exists; resume it or choose another name.");
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var connection = OpenConnection(path, SqliteOpenMode.ReadWriteCreate);
        Execute(connection, """
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
            """);
        using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO study (key, value) VALUES ('schema', $s), ('name', $n), ('definition', $d), ('created_at', $c)";
            insert.Parameters.AddWithValue("$s", SchemaVersion.ToString(CultureInfo.InvariantCulture));
            insert.Parameters.AddWithValue("$n", study.Name);
            insert.Parameters.AddWithValue("$d", study.Definition);
            insert.Parameters.AddWithValue("$c", study.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
            insert.ExecuteNonQuery();
        }

        return new SqliteStudyStore(path, connection, study);
    }

    /// <summary>Opens an existing study file; throws when it is missing or of another schema version.</summary>
    public static SqliteStudyStore Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Study file '{path}' does not exist.", path);
        }

        var connection = OpenConnection(path, SqliteOpenMode.ReadWrite);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var query = connection.CreateCommand())
        {
            query.CommandText = "SELECT key, value FROM study";
            using var reader = query.ExecuteReader();
            while (reader.Read())
            {
                values[reader.GetString(0)] = reader.GetString(1);
            }
        }

        if (!values.TryGetValue("schema", out var schema) || schema != SchemaVersion.ToString(CultureInfo.InvariantCulture))
        {
            connection.Dispose();
            throw new InvalidDataException($"Study file '{path}' has schema version '{schema}', this library reads version {SchemaVersion}.");
        }

        var study = new StudyInfo(values["name"], values["definition"], DateTimeOffset.Parse(values["created_at"], CultureInfo.InvariantCulture));
        return new SqliteStudyStore(path, connection, study);
    }

    /// <inheritdoc />
    public TrialRecord StartTrial(TrialStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"""
                INSERT INTO trials ({Columns})
                SELECT COALESCE(MAX(number) + 1, 0), 'Running', $parameters, $seed, $budget, $promoted, $started, 0, 0, NULL, '{"{}"}', '{"{}"}', '{"{}"}', NULL
                FROM trials RETURNING number
                """;
            command.Parameters.AddWithValue("$parameters", start.Parameters.ToJson());
            command.Parameters.AddWithValue("$seed", start.Seed);
            command.Parameters.AddWithValue("$budget", (object?)start.Budget ?? DBNull.Value);
            command.Parameters.AddWithValue("$promoted", (object?)start.PromotedFrom ?? DBNull.Value);
            command.Parameters.AddWithValue("$started", start.StartedAt.ToString("O", CultureInfo.InvariantCulture));
            var number = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            transaction.Commit();
            return new TrialRecord
            {
                Number = number,
                Status = TrialStatus.Running,
                Parameters = start.Parameters,
                Seed = start.Seed,
                Budget = start.Budget,
                PromotedFrom = start.PromotedFrom,
                StartedAt = start.StartedAt,
            };
        }
    }

    /// <inheritdoc />
    public void FinishTrial(TrialRecord finished)
    {
        ArgumentNullException.ThrowIfNull(finished);
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            var stored = Query($"SELECT {Columns} FROM trials WHERE number = $n", finished.Number, transaction).SingleOrDefault()
                ?? throw new InvalidOperationException($"Trial {finished.Number} was never started in study '{Study.Name}' ({Path}).");
            FinishedTrialCheck.Validate(stored, finished);
            using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                UPDATE trials SET status = $status, started_at = $started, duration_ticks = $duration, peak_memory_bytes = $memory,
                    objective = $objective, metrics = $metrics, artefacts = $artefacts, versions = $versions, error = $error, seed = $seed
                WHERE number = $n AND status = 'Running'
                """;
            command.Parameters.AddWithValue("$n", finished.Number);
            command.Parameters.AddWithValue("$status", finished.Status.ToString());
            command.Parameters.AddWithValue("$started", finished.StartedAt.ToString("O", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$duration", finished.Duration.Ticks);
            command.Parameters.AddWithValue("$memory", finished.PeakMemoryBytes);
            command.Parameters.AddWithValue("$objective", finished.Objective is { } o && double.IsFinite(o) ? o : DBNull.Value);
            command.Parameters.AddWithValue("$metrics", TrialRecordJson.WriteMetrics(finished.Metrics));
            command.Parameters.AddWithValue("$artefacts", TrialRecordJson.WriteMap(finished.Artefacts));
            command.Parameters.AddWithValue("$versions", TrialRecordJson.WriteMap(finished.Versions));
            command.Parameters.AddWithValue("$error", (object?)finished.Error ?? DBNull.Value);
            command.Parameters.AddWithValue("$seed", finished.Seed);
            command.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    /// <inheritdoc />
    public TrialRecord GetTrial(int number)
    {
        lock (_gate)
        {
            return Query($"SELECT {Columns} FROM trials WHERE number = $n", number, null).SingleOrDefault()
                ?? throw new KeyNotFoundException($"Study '{Study.Name}' ({Path}) has no trial {number}.");
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<TrialRecord> GetTrials()
    {
        lock (_gate)
        {
            return Query($"SELECT {Columns} FROM trials ORDER BY number", null, null);
        }
    }

    /// <inheritdoc />
    public int CountTrials(TrialStatus? status = null)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = status is null ? "SELECT COUNT(*) FROM trials" : "SELECT COUNT(*) FROM trials WHERE status = $s";
            if (status is not null)
            {
                command.Parameters.AddWithValue("$s", status.ToString());
            }

            return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    private static SqliteConnection OpenConnection(string path, SqliteOpenMode mode)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false, DefaultTimeout = 30 };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000;");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private List<TrialRecord> Query(string sql, int? number, SqliteTransaction? transaction)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        if (number is not null)
        {
            command.Parameters.AddWithValue("$n", number.Value);
        }

        using var reader = command.ExecuteReader();
        var records = new List<TrialRecord>();
        while (reader.Read())
        {
            records.Add(new TrialRecord
            {
                Number = reader.GetInt32(0),
                Status = Enum.Parse<TrialStatus>(reader.GetString(1)),
                Parameters = ParameterSet.FromJson(reader.GetString(2)),
                Seed = reader.GetInt32(3),
                Budget = reader.IsDBNull(4) ? null : reader.GetInt32(4),
                PromotedFrom = reader.IsDBNull(5) ? null : reader.GetInt32(5),
                StartedAt = DateTimeOffset.Parse(reader.GetString(6), CultureInfo.InvariantCulture),
                Duration = TimeSpan.FromTicks(reader.GetInt64(7)),
                PeakMemoryBytes = reader.GetInt64(8),
                Objective = reader.IsDBNull(9) ? null : reader.GetDouble(9),
                Metrics = TrialRecordJson.ReadMetrics(reader.GetString(10)),
                Artefacts = TrialRecordJson.ReadMap(reader.GetString(11)),
                Versions = TrialRecordJson.ReadMap(reader.GetString(12)),
                Error = reader.IsDBNull(13) ? null : reader.GetString(13),
            });
        }

        return records;
    }
}
