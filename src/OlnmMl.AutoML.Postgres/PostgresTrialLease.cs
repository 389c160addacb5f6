using Npgsql;
using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.Store;

namespace OlnmMl.AutoML.Postgres;

/// <summary>
/// One worker's lease on the trials of a PostgreSQL study: each claim is the trial row's <c>holder</c> and
/// <c>heartbeat_at</c>, taken by one conditional <c>UPDATE</c> (row-locked by PostgreSQL, so two workers never both
/// win), renewed by <see cref="Renew"/>, and free again once released, finished, or older than the grace period.
/// Taking over a trial from a dead holder counts a retry; past the allowed retries the trial is recorded Failed
/// instead and the claim refused.
/// </summary>
internal sealed class PostgresTrialLease(NpgsqlDataSource database, int studyId, PostgresLeaseOptions options, string holder) : IStudyLease
{
    private const string Open = "status IN ('Running', 'Interrupted')";

    /// <summary>Held by another holder whose heartbeat is older than the grace period: a dead worker.</summary>
    private const string Stale = "holder IS NOT NULL AND holder <> @h AND heartbeat_at < now() - @grace";
    private readonly ClaimedTrials _claimed = new();

    /// <inheritdoc />
    public string Holder => holder;

    /// <inheritdoc />
    public TimeSpan? HeartbeatInterval => LeaseHeartbeat.IntervalFor(options.Grace);

    /// <inheritdoc />
    public bool TryClaim(int number)
    {
        if (Execute($"""
            UPDATE olnm_trials SET status = 'Failed', holder = NULL, error = @why
            WHERE study_id = @s AND number = @n AND {Open} AND {Stale} AND retries >= @retries
            """, number) > 0)
        {
            return false;
        }

        var claimed = Execute($"""
            UPDATE olnm_trials SET holder = @h, heartbeat_at = now(), retries = retries + CASE WHEN {Stale} THEN 1 ELSE 0 END
            WHERE study_id = @s AND number = @n AND {Open} AND (holder IS NULL OR holder = @h OR heartbeat_at < now() - @grace)
                AND NOT ({Stale} AND retries >= @retries)
            """, number) > 0;
        if (claimed)
        {
            _claimed.Add(number);
        }

        return claimed;
    }

    /// <inheritdoc />
    public void Renew()
    {
        var claimed = _claimed.Snapshot();
        if (claimed.Length == 0)
        {
            return;
        }

        using var command = database.CreateCommand(
            "UPDATE olnm_trials SET heartbeat_at = now() WHERE study_id = @s AND holder = @h AND number = ANY(@numbers) AND " + Open + " RETURNING number");
        command.Parameters.AddWithValue("s", studyId);
        command.Parameters.AddWithValue("h", holder);
        command.Parameters.AddWithValue("numbers", claimed);
        var renewed = new HashSet<int>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                renewed.Add(reader.GetInt32(0));
            }
        }

        // A claim released or finished meanwhile is not lost; one still listed here is.
        var lost = claimed.Where(n => !renewed.Contains(n) && _claimed.Contains(n)).ToArray();

        if (lost.Length > 0 && Lost(lost) is { Length: > 0 } taken)
        {
            throw new StudyLeaseLostException(
                $"The lease of {holder} on trial(s) {string.Join(", ", taken)} expired before its heartbeat; another worker runs them now.");
        }
    }

    /// <inheritdoc />
    public void Release(int number)
    {
        Execute($"UPDATE olnm_trials SET holder = NULL WHERE study_id = @s AND number = @n AND holder = @h AND {Open}", number);
        _claimed.Remove(number);
    }

    /// <inheritdoc />
    public void Dispose() => _claimed.ReleaseAll(Release);

    /// <summary>Of <paramref name="numbers"/>, those now held by another holder (the others finished under this one).</summary>
    private int[] Lost(int[] numbers)
    {
        using var command = database.CreateCommand("SELECT number FROM olnm_trials WHERE study_id = @s AND number = ANY(@numbers) AND holder IS DISTINCT FROM @h AND " + Open);
        command.Parameters.AddWithValue("s", studyId);
        command.Parameters.AddWithValue("h", holder);
        command.Parameters.AddWithValue("numbers", numbers);
        var taken = new List<int>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            taken.Add(reader.GetInt32(0));
        }

        foreach (var number in numbers)
        {
            _claimed.Remove(number);
        }

        return [.. taken.Order()];
    }

    private int Execute(string sql, int number)
    {
        using var command = database.CreateCommand(sql);
        var values = new Dictionary<string, object>
        {
            ["s"] = studyId,
            ["n"] = number,
            ["h"] = holder,
            ["grace"] = options.Grace,
            ["retries"] = options.MaxRetries,
            ["why"] = $"its worker stopped renewing its heartbeat for longer than {options.Grace.TotalSeconds:0.#} s, {options.MaxRetries + 1} time(s); no retries left",
        };
        foreach (var (name, value) in values.Where(v => sql.Contains('@' + v.Key, StringComparison.Ordinal)))
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command.ExecuteNonQuery();
    }
}
