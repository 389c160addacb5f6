using System.Data.Common;
using System.Globalization;
using OlnmMl.AutoML.Spaces;

namespace OlnmMl.AutoML.Store;

/// <summary>
/// The trial row shared by the SQL stores (SQLite, PostgreSQL): its columns, reading a record from a row and
/// binding a finished record's values, with ADO.NET's provider-neutral types and <c>@name</c> parameters.
/// Times are ISO-8601 text (round-trips the offset), NaN or infinite objectives are stored as NULL.
/// </summary>
internal static class TrialRecordRows
{
    /// <summary>The columns <see cref="Read"/> expects, in order.</summary>
    public const string Columns =
        "number, status, parameters, seed, budget, promoted_from, started_at, duration_ticks, peak_memory_bytes, objective, metrics, artefacts, versions, error";

    /// <summary>The assignments of a finished record's columns, bound by <see cref="BindFinished"/>.</summary>
    public const string FinishedAssignments = """
        status = @status, started_at = @started, duration_ticks = @duration, peak_memory_bytes = @memory, objective = @objective,
        metrics = @metrics, artefacts = @artefacts, versions = @versions, error = @error, seed = @seed
        """;

    /// <summary>Reads the record of the current row (selected with <see cref="Columns"/>).</summary>
    public static TrialRecord Read(DbDataReader reader) => new()
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
    };

    /// <summary>Reads every row of <paramref name="command"/>.</summary>
    public static List<TrialRecord> ReadAll(DbCommand command)
    {
        using var reader = command.ExecuteReader();
        var records = new List<TrialRecord>();
        while (reader.Read())
        {
            records.Add(Read(reader));
        }

        return records;
    }

    /// <summary>Binds the parameters of <see cref="FinishedAssignments"/> and <c>@n</c>.</summary>
    public static void BindFinished(DbCommand command, TrialRecord finished)
    {
        Bind(command, "n", finished.Number);
        Bind(command, "status", finished.Status.ToString());
        Bind(command, "started", Text(finished.StartedAt));
        Bind(command, "duration", finished.Duration.Ticks);
        Bind(command, "memory", finished.PeakMemoryBytes);
        Bind(command, "objective", finished.Objective is { } o && double.IsFinite(o) ? o : null);
        Bind(command, "metrics", TrialRecordJson.WriteMetrics(finished.Metrics));
        Bind(command, "artefacts", TrialRecordJson.WriteMap(finished.Artefacts));
        Bind(command, "versions", TrialRecordJson.WriteMap(finished.Versions));
        Bind(command, "error", finished.Error);
        Bind(command, "seed", finished.Seed);
    }

    /// <summary>Binds the parameters of a new Running trial: <c>@parameters, @seed, @budget, @promoted, @started</c>.</summary>
    public static void BindStart(DbCommand command, TrialStart start)
    {
        Bind(command, "parameters", start.Parameters.ToJson());
        Bind(command, "seed", start.Seed);
        Bind(command, "budget", start.Budget);
        Bind(command, "promoted", start.PromotedFrom);
        Bind(command, "started", Text(start.StartedAt));
    }

    /// <summary>The Running record of a trial just started.</summary>
    public static TrialRecord Started(int number, TrialStart start) => new()
    {
        Number = number,
        Status = TrialStatus.Running,
        Parameters = start.Parameters,
        Seed = start.Seed,
        Budget = start.Budget,
        PromotedFrom = start.PromotedFrom,
        StartedAt = start.StartedAt,
    };

    /// <summary>Adds parameter <c>@name</c> (null as DBNull).</summary>
    public static void Bind(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private static string Text(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);
}
