using System.Globalization;
using Microsoft.Data.Sqlite;
using OlnmMl.AutoML.Spaces;

namespace OlnmMl.AutoML.Store;

/// <summary>
/// The embedded study store: one SQLite file per study, WAL journal (readers never block the writer,
/// a killed process loses nothing that was committed), a trigger that refuses to change a finished trial.
/// Safe for several threads and several processes on one machine (busy timeout 30 s); only the holder of the
/// study's lease (<see cref="AcquireLease"/>, a kernel lock on <c>STUDY.db.lock</c>) runs its trials, and it records
/// itself as each claimed trial's holder, so a trial whose recorded holder died is retried (<see cref="MaxRetries"/>).
/// A file that is empty, not SQLite, damaged or of an unknown schema is refused with a
/// <see cref="OlnmUserException"/> saying how to recover; older schemas are migrated forward on open, a newer one is refused.
/// </summary>
public sealed class SqliteStudyStore : IStudyStore
{
    /// <summary>Schema version written to the study table.</summary>
    public const int SchemaVersion = SqliteStudySchema.Version;

    private const string Columns = TrialRecordRows.Columns;

    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();
    private Dictionary<string, string> _inputs;

    private SqliteStudyStore(string path, SqliteConnection connection, StudyInfo study, Dictionary<string, string> inputs)
    {
        Path = path;
        _connection = connection;
        Study = study;
        _inputs = inputs;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>
    /// How many times a trial left Running by a process that died is adopted (run again, same number and seed) before
    /// the adopting process records it Failed instead (default 2); a trial that kills its process every time ends.
    /// </summary>
    public int MaxRetries { get; private init; } = DefaultMaxRetries;

    /// <summary>The default of <see cref="MaxRetries"/>.</summary>
    public const int DefaultMaxRetries = 2;

    /// <inheritdoc />
    public StudyInfo Study { get; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Inputs
    {
        get
        {
            lock (_gate)
            {
                return _inputs;
            }
        }
    }

    /// <summary>
    /// Creates a new study file at <paramref name="path"/> with its <paramref name="inputs"/>, all or nothing: the
    /// file is built beside the target and moved into place only when complete, so a crash leaves no half-made study.
    /// Throws <see cref="IOException"/> when the file exists.
    /// </summary>
    public static SqliteStudyStore Create(string path, StudyInfo study, IReadOnlyDictionary<string, string>? inputs = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(study);
        var exists = () => new IOException($"Study file '{path}' already exists; resume it or choose another name.");
        if (File.Exists(path))
        {
            throw exists();
        }

        var full = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var building = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.creating");
        var recorded = new Dictionary<string, string>(inputs ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        try
        {
            using (var connection = OpenConnection(building, SqliteOpenMode.ReadWriteCreate))
            using (var transaction = connection.BeginTransaction(deferred: false))
            {
                SqliteStudySchema.Create(connection, transaction);
                SqliteStudySchema.InsertStudyValues(connection, transaction, new Dictionary<string, string>
                {
                    ["schema"] = SchemaVersion.ToString(CultureInfo.InvariantCulture),
                    ["name"] = study.Name,
                    ["definition"] = study.Definition,
                    ["created_at"] = study.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
                }.Concat(recorded.Select(i => KeyValuePair.Create(SqliteStudySchema.InputPrefix + i.Key, i.Value))));
                transaction.Commit();
            }

            try
            {
                File.Move(building, full, overwrite: false);
            }
            catch (IOException) when (File.Exists(full))
            {
                throw exists();
            }
        }
        finally
        {
            foreach (var leftover in new[] { building, building + "-wal", building + "-shm", building + "-journal" })
            {
                File.Delete(leftover);
            }
        }

        return new SqliteStudyStore(path, OpenConnection(path, SqliteOpenMode.ReadWrite), study, recorded);
    }

    /// <summary>
    /// Opens an existing study file, migrating schema 1 forward. Throws <see cref="FileNotFoundException"/> when it is
    /// missing and <see cref="OlnmUserException"/> (saying how to recover) when it is empty, not SQLite, damaged or of
    /// an unknown schema; a file that is not a database is never modified. <paramref name="maxRetries"/> sets
    /// <see cref="MaxRetries"/>.
    /// </summary>
    public static SqliteStudyStore Open(string path, int maxRetries = DefaultMaxRetries)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRetries);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Study file '{path}' does not exist.", path);
        }

        SqliteStudySchema.RequireDatabaseFile(path);
        SqliteConnection? connection = null;
        try
        {
            connection = OpenConnection(path, SqliteOpenMode.ReadWrite);
            var values = SqliteStudySchema.CheckAndMigrate(connection, path);
            var study = new StudyInfo(values["name"], values["definition"], DateTimeOffset.Parse(values["created_at"], CultureInfo.InvariantCulture));
            return new SqliteStudyStore(path, connection, study, InputsOf(values)) { MaxRetries = maxRetries };
        }
        catch (SqliteException e)
        {
            connection?.Dispose();
            throw SqliteStudySchema.Damaged(path, $"SQLite error {e.SqliteErrorCode}: {e.Message}", e);
        }
        catch
        {
            connection?.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public IStudyLease AcquireLease(string purpose, TimeSpan wait) => SqliteStudyLease.Acquire(this, purpose, wait);

    /// <summary>
    /// Claims open trial <paramref name="number"/> for <paramref name="holder"/>, the holder of the study's lock (so a
    /// different recorded holder is a dead process): true when it is now the holder's; a dead holder's trial counts a
    /// retry, and past <see cref="MaxRetries"/> is recorded Failed (false). False for a finished or unknown trial.
    /// </summary>
    internal bool Claim(int number, string holder)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                UPDATE trials SET status = 'Failed', holder = NULL, error = @why
                WHERE number = @n AND status IN ('Running', 'Interrupted') AND holder IS NOT NULL AND holder <> @h AND retries >= @max;
                UPDATE trials SET retries = retries + (holder IS NOT NULL AND holder <> @h), holder = @h
                WHERE number = @n AND status IN ('Running', 'Interrupted') AND NOT (holder IS NOT NULL AND holder <> @h AND retries >= @max)
                RETURNING number;
                """;
            TrialRecordRows.Bind(command, "n", number);
            TrialRecordRows.Bind(command, "h", holder);
            TrialRecordRows.Bind(command, "max", MaxRetries);
            TrialRecordRows.Bind(command, "why", $"its process died while running it, {MaxRetries + 1} time(s); no retries left");
            var claimed = command.ExecuteScalar() is not null;
            transaction.Commit();
            return claimed;
        }
    }

    /// <summary>Gives up <paramref name="holder"/>'s claim on open trial <paramref name="number"/> (a finished trial has none).</summary>
    internal void Unclaim(int number, string holder)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "UPDATE trials SET holder = NULL WHERE number = @n AND holder = @h AND status IN ('Running', 'Interrupted')";
            TrialRecordRows.Bind(command, "n", number);
            TrialRecordRows.Bind(command, "h", holder);
            command.ExecuteNonQuery();
        }
    }

    /// <inheritdoc />
    public void RecordInputs(IReadOnlyDictionary<string, string> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            var recorded = InputsOf(SqliteStudySchema.ReadStudyTable(_connection, transaction));
            StudyInputs.RequireNoConflict(Study.Name, recorded, inputs);
            var added = inputs.Where(i => !recorded.ContainsKey(i.Key)).ToArray();
            SqliteStudySchema.InsertStudyValues(_connection, transaction, added.Select(i => KeyValuePair.Create(SqliteStudySchema.InputPrefix + i.Key, i.Value)));
            transaction.Commit();
            _inputs = new Dictionary<string, string>(recorded.Concat(added), StringComparer.Ordinal);
        }
    }

    /// <inheritdoc />
    public TrialRecord StartTrial(TrialStart start) => Insert(null, start)!;

    /// <inheritdoc />
    public TrialRecord? TryStartTrial(int number, TrialStart start) => Insert(number, start);

    /// <summary>Inserts the next trial, or returns null when <paramref name="expected"/> is given and is not the next number.</summary>
    private TrialRecord? Insert(int? expected, TrialStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"""
                INSERT INTO trials ({Columns})
                SELECT next, 'Running', @parameters, @seed, @budget, @promoted, @started, 0, 0, NULL, '{"{}"}', '{"{}"}', '{"{}"}', NULL
                FROM (SELECT COALESCE((SELECT MAX(number) FROM trials) + 1, 0) AS next)
                WHERE @expected IS NULL OR next = @expected RETURNING number
                """;
            TrialRecordRows.BindStart(command, start);
            TrialRecordRows.Bind(command, "expected", expected);
            if (command.ExecuteScalar() is not { } number)
            {
                return null;
            }

            transaction.Commit();
            return TrialRecordRows.Started(Convert.ToInt32(number, CultureInfo.InvariantCulture), start);
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
            command.CommandText = $"UPDATE trials SET {TrialRecordRows.FinishedAssignments}, holder = NULL WHERE number = @n AND status IN ('Running', 'Interrupted')";
            TrialRecordRows.BindFinished(command, finished);
            command.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    /// <inheritdoc />
    public void InterruptTrial(int number, string reason)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            var stored = Query($"SELECT {Columns} FROM trials WHERE number = $n", number, transaction).SingleOrDefault()
                ?? throw new InvalidOperationException($"Trial {number} was never started in study '{Study.Name}' ({Path}).");
            FinishedTrialCheck.ValidateInterrupt(stored);
            using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "UPDATE trials SET status = 'Interrupted', error = $error WHERE number = $n AND status = 'Running'";
            command.Parameters.AddWithValue("$n", number);
            command.Parameters.AddWithValue("$error", reason);
            command.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    /// <inheritdoc />
    public void ReportIntermediate(int number, int step, double value)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            var stored = Query($"SELECT {Columns} FROM trials WHERE number = $n", number, transaction).SingleOrDefault()
                ?? throw new InvalidOperationException($"Trial {number} was never started in study '{Study.Name}' ({Path}).");
            FinishedTrialCheck.ValidateReport(stored, step);
            using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO intermediate_values (number, step, value) VALUES (@n, @step, @v) ON CONFLICT (number, step) DO UPDATE SET value = excluded.value";
            TrialRecordRows.Bind(command, "n", number);
            TrialRecordRows.Bind(command, "step", step);
            TrialRecordRows.Bind(command, "v", IntermediateValueRows.ToColumn(value));
            command.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<IntermediateValue> GetIntermediateValues(int? number = null)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT number, step, value FROM intermediate_values WHERE @n IS NULL OR number = @n ORDER BY number, step";
            TrialRecordRows.Bind(command, "n", number);
            return IntermediateValueRows.ReadAll(command);
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

    private static Dictionary<string, string> InputsOf(Dictionary<string, string> values) =>
        values.Where(v => v.Key.StartsWith(SqliteStudySchema.InputPrefix, StringComparison.Ordinal))
            .ToDictionary(v => v.Key[SqliteStudySchema.InputPrefix.Length..], v => v.Value, StringComparer.Ordinal);

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

        return TrialRecordRows.ReadAll(command);
    }
}
