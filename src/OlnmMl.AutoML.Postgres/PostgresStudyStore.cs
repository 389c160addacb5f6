using System.Globalization;
using Npgsql;
using OlnmMl.AutoML.Store;

namespace OlnmMl.AutoML.Postgres;

/// <summary>
/// The study store for many workers on many machines: any number of studies in one PostgreSQL database (tables
/// <c>olnm_studies</c>, <c>olnm_study_inputs</c>, <c>olnm_trials</c>, <c>olnm_intermediate_values</c>; schema migrated forward on open, see
/// <see cref="PostgresStudySchema"/>), trial numbers assigned under a row lock on the study, finished trials and
/// recorded inputs made immutable by triggers. Leases are per trial with heartbeats (<see cref="PostgresTrialLease"/>):
/// a worker's trials stay its own while it renews them, and a trial whose worker died is retried by the next worker
/// after <see cref="PostgresLeaseOptions.Grace"/>. Thread-safe (a connection pool; each call one connection).
/// Connection failures surface as one-line <see cref="OlnmUserException"/>s.
/// </summary>
public sealed class PostgresStudyStore : IStudyStore
{
    private const string Columns = TrialRecordRows.Columns;
    private readonly NpgsqlDataSource _database;
    private readonly int _studyId;
    private readonly PostgresLeaseOptions _options;
    private readonly string _where;

    private PostgresStudyStore(NpgsqlDataSource database, int studyId, StudyInfo study, PostgresLeaseOptions options, string where)
    {
        _database = database;
        _studyId = studyId;
        Study = study;
        _options = options;
        _where = where;
    }

    /// <inheritdoc />
    public StudyInfo Study { get; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Inputs
    {
        get
        {
            using var command = Command("SELECT key, value FROM olnm_study_inputs WHERE study_id = @s");
            using var reader = command.ExecuteReader();
            var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
            while (reader.Read())
            {
                inputs[reader.GetString(0)] = reader.GetString(1);
            }

            return inputs;
        }
    }

    /// <summary>
    /// Creates study <paramref name="study"/> with its <paramref name="inputs"/> in the database at
    /// <paramref name="storage"/> (a <c>postgresql://</c> URI or an Npgsql connection string), or — when
    /// <paramref name="openExisting"/> and a study of that name exists — opens it (the caller checks its definition).
    /// Throws <see cref="IOException"/> when the study exists and <paramref name="openExisting"/> is false, and
    /// <see cref="OlnmUserException"/> when the server cannot be reached or refuses the login; nothing is written then.
    /// </summary>
    public static PostgresStudyStore Create(
        string storage, StudyInfo study, IReadOnlyDictionary<string, string>? inputs = null, PostgresLeaseOptions? options = null, bool openExisting = false)
    {
        ArgumentNullException.ThrowIfNull(study);
        return Connect(storage, options, (database, where) =>
        {
            using var connection = database.OpenConnection();
            using var transaction = connection.BeginTransaction();
            using var insert = new NpgsqlCommand(
                "INSERT INTO olnm_studies (name, definition, created_at) VALUES (@name, @definition, @created) ON CONFLICT (name) DO NOTHING RETURNING id", connection);
            insert.Parameters.AddWithValue("name", study.Name);
            insert.Parameters.AddWithValue("definition", study.Definition);
            insert.Parameters.AddWithValue("created", study.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
            if (insert.ExecuteScalar() is not int id)
            {
                transaction.Rollback();
                return openExisting
                    ? Find(database, study.Name, where)
                    : throw new IOException($"Study '{study.Name}' already exists in {where}; resume it or choose another name.");
            }

            InsertInputs(connection, id, inputs ?? new Dictionary<string, string>());
            transaction.Commit();
            return (id, study);
        });
    }

    /// <summary>
    /// Opens study <paramref name="name"/> in the database at <paramref name="storage"/>; throws
    /// <see cref="OlnmUserException"/> when it does not exist or the server cannot be reached.
    /// </summary>
    public static PostgresStudyStore Open(string storage, string name, PostgresLeaseOptions? options = null) =>
        Connect(storage, options, (database, where) => Find(database, name, where));

    /// <summary>Names of the studies in the database at <paramref name="storage"/>, sorted.</summary>
    public static IReadOnlyList<string> ListStudies(string storage)
    {
        using var database = PostgresConnection.Open(storage);
        PostgresStudySchema.Migrate(database, PostgresConnection.Describe(PostgresConnection.ToConnectionString(storage)));
        using var command = database.CreateCommand("SELECT name FROM olnm_studies ORDER BY name");
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <inheritdoc />
    public IStudyLease AcquireLease(string purpose, TimeSpan wait) => new PostgresTrialLease(
        _database, _studyId, _options, $"pid {Environment.ProcessId} on host {Environment.MachineName} since {DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ} ({purpose}) #{Guid.NewGuid():N}");

    /// <inheritdoc />
    public void RecordInputs(IReadOnlyDictionary<string, string> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        using var connection = _database.OpenConnection();
        using var transaction = connection.BeginTransaction();
        LockStudy(connection);
        StudyInputs.RequireNoConflict(Study.Name, Inputs, inputs);
        InsertInputs(connection, _studyId, inputs);
        transaction.Commit();
    }

    /// <summary>Records <paramref name="inputs"/> of study <paramref name="studyId"/>; an input already recorded is kept (the caller checked it agrees).</summary>
    private static void InsertInputs(NpgsqlConnection connection, int studyId, IReadOnlyDictionary<string, string> inputs)
    {
        foreach (var (key, value) in inputs)
        {
            using var add = new NpgsqlCommand("INSERT INTO olnm_study_inputs (study_id, key, value) VALUES (@s, @k, @v) ON CONFLICT DO NOTHING", connection);
            add.Parameters.AddWithValue("s", studyId);
            add.Parameters.AddWithValue("k", key);
            add.Parameters.AddWithValue("v", value);
            add.ExecuteNonQuery();
        }
    }

    /// <inheritdoc />
    public TrialRecord StartTrial(TrialStart start) => Insert(null, start)!;

    /// <inheritdoc />
    public TrialRecord? TryStartTrial(int number, TrialStart start) => Insert(number, start);

    /// <inheritdoc />
    public void FinishTrial(TrialRecord finished)
    {
        ArgumentNullException.ThrowIfNull(finished);
        using var connection = _database.OpenConnection();
        using var transaction = connection.BeginTransaction();
        FinishedTrialCheck.Validate(Locked(connection, finished.Number), finished);
        using var command = new NpgsqlCommand(
            $"UPDATE olnm_trials SET {TrialRecordRows.FinishedAssignments}, holder = NULL WHERE study_id = @s AND number = @n", connection);
        command.Parameters.AddWithValue("s", _studyId);
        TrialRecordRows.BindFinished(command, finished);
        command.ExecuteNonQuery();
        transaction.Commit();
    }

    /// <inheritdoc />
    public void InterruptTrial(int number, string reason)
    {
        using var connection = _database.OpenConnection();
        using var transaction = connection.BeginTransaction();
        FinishedTrialCheck.ValidateInterrupt(Locked(connection, number));
        using var command = new NpgsqlCommand("UPDATE olnm_trials SET status = 'Interrupted', error = @error WHERE study_id = @s AND number = @n", connection);
        command.Parameters.AddWithValue("s", _studyId);
        command.Parameters.AddWithValue("n", number);
        command.Parameters.AddWithValue("error", reason);
        command.ExecuteNonQuery();
        transaction.Commit();
    }

    /// <inheritdoc />
    public void ReportIntermediate(int number, int step, double value)
    {
        using var connection = _database.OpenConnection();
        using var transaction = connection.BeginTransaction();
        FinishedTrialCheck.ValidateReport(Locked(connection, number), step);
        using var command = new NpgsqlCommand("""
            INSERT INTO olnm_intermediate_values (study_id, number, step, value) VALUES (@s, @n, @step, @v)
            ON CONFLICT (study_id, number, step) DO UPDATE SET value = EXCLUDED.value
            """, connection);
        command.Parameters.AddWithValue("s", _studyId);
        command.Parameters.AddWithValue("n", number);
        command.Parameters.AddWithValue("step", step);
        command.Parameters.AddWithValue("v", IntermediateValueRows.ToColumn(value));
        command.ExecuteNonQuery();
        transaction.Commit();
    }

    /// <inheritdoc />
    public IReadOnlyList<IntermediateValue> GetIntermediateValues(int? number = null)
    {
        using var command = Command(
            "SELECT number, step, value FROM olnm_intermediate_values WHERE study_id = @s AND (@n::integer IS NULL OR number = @n::integer) ORDER BY number, step");
        command.Parameters.AddWithValue("n", (object?)number ?? DBNull.Value);
        return IntermediateValueRows.ReadAll(command);
    }

    /// <inheritdoc />
    public TrialRecord GetTrial(int number)
    {
        using var command = Command($"SELECT {Columns} FROM olnm_trials WHERE study_id = @s AND number = @n");
        command.Parameters.AddWithValue("n", number);
        return TrialRecordRows.ReadAll(command).SingleOrDefault()
            ?? throw new KeyNotFoundException($"Study '{Study.Name}' ({_where}) has no trial {number}.");
    }

    /// <inheritdoc />
    public IReadOnlyList<TrialRecord> GetTrials()
    {
        using var command = Command($"SELECT {Columns} FROM olnm_trials WHERE study_id = @s ORDER BY number");
        return TrialRecordRows.ReadAll(command);
    }

    /// <inheritdoc />
    public int CountTrials(TrialStatus? status = null)
    {
        using var command = Command("SELECT COUNT(*) FROM olnm_trials WHERE study_id = @s AND (@status::text IS NULL OR status = @status::text)");
        command.Parameters.AddWithValue("status", (object?)status?.ToString() ?? DBNull.Value);
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public void Dispose() => _database.Dispose();

    private static PostgresStudyStore Connect(
        string storage, PostgresLeaseOptions? options, Func<NpgsqlDataSource, string, (int Id, StudyInfo Study)> find)
    {
        ArgumentException.ThrowIfNullOrEmpty(storage);
        options ??= PostgresLeaseOptions.Default;
        options.Validate();
        var where = PostgresConnection.Describe(PostgresConnection.ToConnectionString(storage));
        var database = PostgresConnection.Open(storage);
        try
        {
            PostgresStudySchema.Migrate(database, where);
            var (id, study) = find(database, where);
            return new PostgresStudyStore(database, id, study, options, where);
        }
        catch (NpgsqlException e)
        {
            database.Dispose();
            throw PostgresConnection.Explain(where, e);
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    private static (int Id, StudyInfo Study) Find(NpgsqlDataSource database, string name, string where)
    {
        using var command = database.CreateCommand("SELECT id, definition, created_at FROM olnm_studies WHERE name = @name");
        command.Parameters.AddWithValue("name", name);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? (reader.GetInt32(0), new StudyInfo(name, reader.GetString(1), DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture)))
            : throw new OlnmUserException(where, $"has no study '{name}'; start it with 'olnm sweep worker --experiment FILE' or check the name ('olnm sweep status --storage …' lists them)");
    }

    /// <summary>Inserts the next trial under the study's row lock; null when <paramref name="expected"/> is not the next number.</summary>
    private TrialRecord? Insert(int? expected, TrialStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        using var connection = _database.OpenConnection();
        using var transaction = connection.BeginTransaction();
        LockStudy(connection);
        using var next = new NpgsqlCommand("SELECT COALESCE(MAX(number) + 1, 0) FROM olnm_trials WHERE study_id = @s", connection);
        next.Parameters.AddWithValue("s", _studyId);
        var number = Convert.ToInt32(next.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (expected is { } wanted && wanted != number)
        {
            return null;
        }

        using var insert = new NpgsqlCommand($"""
            INSERT INTO olnm_trials (study_id, {Columns})
            VALUES (@s, @n, 'Running', @parameters, @seed, @budget, @promoted, @started, 0, 0, NULL, '{"{}"}', '{"{}"}', '{"{}"}', NULL)
            """, connection);
        insert.Parameters.AddWithValue("s", _studyId);
        insert.Parameters.AddWithValue("n", number);
        TrialRecordRows.BindStart(insert, start);
        insert.ExecuteNonQuery();
        transaction.Commit();
        return TrialRecordRows.Started(number, start);
    }

    /// <summary>Serialises writers of this study (numbering, inputs) on its row until the transaction ends.</summary>
    private void LockStudy(NpgsqlConnection connection)
    {
        using var command = new NpgsqlCommand("SELECT id FROM olnm_studies WHERE id = @s FOR UPDATE", connection);
        command.Parameters.AddWithValue("s", _studyId);
        command.ExecuteNonQuery();
    }

    /// <summary>The stored trial, row-locked until the transaction ends; throws when it was never started.</summary>
    private TrialRecord Locked(NpgsqlConnection connection, int number)
    {
        using var command = new NpgsqlCommand($"SELECT {Columns} FROM olnm_trials WHERE study_id = @s AND number = @n FOR UPDATE", connection);
        command.Parameters.AddWithValue("s", _studyId);
        command.Parameters.AddWithValue("n", number);
        return TrialRecordRows.ReadAll(command).SingleOrDefault()
            ?? throw new InvalidOperationException($"Trial {number} was never started in study '{Study.Name}' ({_where}).");
    }

    private NpgsqlCommand Command(string sql)
    {
        var command = _database.CreateCommand(sql);
        command.Parameters.AddWithValue("s", _studyId);
        return command;
    }
}
