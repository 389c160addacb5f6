using System.CommandLine;
using System.Runtime.CompilerServices;
using OlnmMl.AutoML;
using OlnmMl.AutoML.Postgres;
using OlnmMl.AutoML.Store;

namespace OlnmMl.Cli.Commands;

/// <summary>
/// Where a study is stored, for <c>olnm sweep status|leaderboard|worker</c>: without <c>--storage</c>, the SQLite
/// file <c>STUDIES/NAME.db</c> (or a .db path); with <c>--storage postgresql://…</c>, study NAME in that database.
/// Trial folders lie in <c>--artefacts</c> (default <c>STUDIES/NAME.artefacts</c>, as for SQLite). Npgsql is
/// loaded only when a PostgreSQL URI is given (<see cref="OpenPostgres"/> is the only code that touches it).
/// </summary>
internal static class StudyStorage
{
    public static Option<string?> StorageOption() => new("--storage")
    {
        Description = "A PostgreSQL database holding the study: postgresql://USER:PASSWORD@HOST:PORT/DATABASE (default: the SQLite file under --studies).",
    };

    public static Option<string?> ArtefactsOption() => new("--artefacts")
    {
        Description = "Folder of the trials' artefacts, shared by all workers (default: STUDIES/NAME.artefacts).",
    };

    /// <summary>
    /// <c>--retries</c> of <c>sweep worker</c> and <c>sweep resume</c>: how often a trial left Running by a process or worker
    /// that died is run again (each adoption counts one) before it is recorded Failed. Interrupted trials (stopped cleanly) are
    /// re-run without counting; Failed trials stay Failed.
    /// </summary>
    public static Option<int> RetriesOption() => new("--retries")
    {
        Description = "How often a trial whose process or worker died is run again before it is recorded Failed.",
        DefaultValueFactory = _ => SqliteStudyStore.DefaultMaxRetries,
    };

    /// <summary>Opens the study; throws <see cref="OlnmUserException"/> (one line) when the storage is not a PostgreSQL URI or cannot be used.</summary>
    public static OpenedStudy Open(string? storage, string study, string studiesDirectory, string? artefacts)
    {
        if (storage is null)
        {
            var location = StudyLocation.Resolve(study, studiesDirectory);
            return new OpenedStudy(SqliteStudyStore.Open(location.DatabasePath), location.DatabasePath, artefacts ?? location.ArtefactRoot);
        }

        RequirePostgres(storage);
        return OpenPostgres(storage, study, artefacts ?? StudyLocation.ForName(study, studiesDirectory).ArtefactRoot);
    }

    /// <summary>Throws <see cref="OlnmUserException"/> unless <paramref name="storage"/> is a PostgreSQL URI.</summary>
    public static void RequirePostgres(string storage)
    {
        if (!PostgresConnection.IsUri(storage))
        {
            throw new OlnmUserException($"--storage '{storage}' is not a postgresql://USER:PASSWORD@HOST:PORT/DATABASE URI (SQLite studies need no --storage)");
        }
    }

    // Never inlined into Open: compiling Open must not load the PostgreSQL store's types (and so Npgsql).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static OpenedStudy OpenPostgres(string storage, string study, string artefactRoot) =>
        new(PostgresStudyStore.Open(storage, study), PostgresConnection.Describe(PostgresConnection.ToConnectionString(storage)), artefactRoot);
}

/// <summary>An open study: its store, where it is (for messages), and its trials' artefact folder.</summary>
internal sealed record OpenedStudy(IStudyStore Store, string Where, string ArtefactRoot) : IDisposable
{
    public void Dispose() => Store.Dispose();
}
