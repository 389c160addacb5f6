using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.Store;

namespace OlnmMl.AutoML.Postgres;

/// <summary>
/// Entry point of <c>olnm sweep worker</c>: one of any number of workers, on any machines, running one study in a
/// PostgreSQL database and writing trial folders under a shared artefact root.
/// </summary>
public static class PostgresSweeps
{
    /// <summary>
    /// The checks a worker makes before its (long) data preparation, writing nothing: the server answers and accepts
    /// the login, and study <paramref name="studyName"/> either exists — stored from the same experiment when
    /// <paramref name="experiment"/> is given — or is missing and <paramref name="experiment"/> will create it.
    /// Returns the experiment to run (the stored one when none is given). Throws <see cref="OlnmUserException"/> (one line).
    /// </summary>
    public static ExperimentDefinition RequireJoinable(string storage, string studyName, ExperimentDefinition? experiment)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyName);
        var where = PostgresConnection.Describe(PostgresConnection.ToConnectionString(storage));
        if (experiment is not null && !PostgresStudyStore.ListStudies(storage).Contains(studyName))
        {
            return experiment with { Name = studyName };
        }

        using var store = PostgresStudyStore.Open(storage, studyName);
        if (experiment is null)
        {
            return ExperimentYaml.Read(store.Study.Definition, $"{where} study {studyName}");
        }

        experiment = experiment with { Name = studyName };
        StoredDefinition.RequireSame(where, studyName, store.Study.Definition, experiment);
        return experiment;
    }

    /// <summary>
    /// Opens study <paramref name="studyName"/> at <paramref name="storage"/> — creating it from
    /// <paramref name="experiment"/> when it does not exist (the first worker wins, the others join) — and works on it
    /// until no trial is left to propose and no trial is open (<see cref="SweepRunner.WaitForOtherWorkers"/>).
    /// Throws <see cref="OlnmUserException"/> (one line, nothing written) when the server cannot be reached, refuses
    /// the login, the study is missing and no experiment is given, or the given experiment differs from the stored one.
    /// </summary>
    public static async Task<SweepSummary> WorkAsync(
        string storage,
        string studyName,
        ExperimentDefinition? experiment,
        TrialFactoryRegistry registry,
        string artefactRoot,
        PostgresLeaseOptions? options = null,
        ISweepProgress? progress = null,
        IReadOnlyDictionary<string, string>? inputs = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyName);
        experiment?.Validate();
        if (experiment is not null && experiment.Name != studyName)
        {
            experiment = experiment with { Name = studyName };
        }

        using var store = experiment is null
            ? PostgresStudyStore.Open(storage, studyName, options)
            : PostgresStudyStore.Create(storage, new StudyInfo(studyName, ExperimentYaml.Write(experiment), DateTimeOffset.UtcNow), inputs, options, openExisting: true);
        var where = PostgresConnection.Describe(PostgresConnection.ToConnectionString(storage));
        if (experiment is not null)
        {
            StoredDefinition.RequireSame(where, studyName, store.Study.Definition, experiment);
        }

        var definition = experiment ?? ExperimentYaml.Read(store.Study.Definition, $"{where} study {studyName}");
        if (inputs is not null)
        {
            StudyInputs.RequireMatch($"{where} study {studyName}", store.Inputs, inputs);
            store.RecordInputs(inputs);
        }

        var runner = new SweepRunner(definition, store, registry, artefactRoot, progress) { WaitForOtherWorkers = true };
        return await runner.RunAsync(cancellationToken).ConfigureAwait(false);
    }
}
