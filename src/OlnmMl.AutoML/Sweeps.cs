using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Leaderboard;
using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.Store;

namespace OlnmMl.AutoML;

/// <summary>
/// Entry points of <c>olnm sweep</c>: <c>run</c> (<see cref="RunAsync(string, TrialFactoryRegistry, ISweepProgress?, string, CancellationToken)"/>),
/// <c>resume</c> (<see cref="ResumeAsync"/>), <c>status</c> (<see cref="GetStatus"/>) and <c>leaderboard</c>
/// (<see cref="BuildLeaderboard"/>, <see cref="WriteLeaderboard"/>). A study is <c>studies/NAME.db</c> plus
/// <c>studies/NAME.artefacts/</c>; the experiment's YAML is stored in the database, so resume needs only the study.
/// A study also records the inputs its results depend on (<see cref="IStudyStore.Inputs"/>: data fingerprint,
/// cohort seed, preset, recipe, …); a resume given other ones is refused (<see cref="StudyInputsMismatchException"/>).
/// Only one process runs a study at a time: a second one is refused with <see cref="StudyInUseException"/> naming the holder.
/// </summary>
public static class Sweeps
{
    /// <summary>Creates study <c>DIR/NAME.db</c> from an experiment file and runs it; throws when the study exists.</summary>
    public static Task<SweepSummary> RunAsync(
        string experimentPath, TrialFactoryRegistry registry, ISweepProgress? progress = null, string studiesDirectory = StudyLocation.DefaultDirectory, CancellationToken cancellationToken = default)
    {
        var experiment = ExperimentYaml.Load(experimentPath);
        return RunAsync(experiment, StudyLocation.ForName(experiment.Name, studiesDirectory), registry, progress, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Creates a study at <paramref name="location"/> for an experiment built in code, recording
    /// <paramref name="inputs"/> (what its results depend on) in the same transaction, and runs it.
    /// </summary>
    public static async Task<SweepSummary> RunAsync(
        ExperimentDefinition experiment,
        StudyLocation location,
        TrialFactoryRegistry registry,
        ISweepProgress? progress = null,
        IReadOnlyDictionary<string, string>? inputs = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(location);
        experiment.Validate();
        registry.RequireAll(experiment);
        if (File.Exists(location.DatabasePath))
        {
            throw new IOException($"Study '{location.DatabasePath}' already exists; continue it with 'olnm sweep resume {location.DatabasePath}'.");
        }

        using var store = SqliteStudyStore.Create(location.DatabasePath, new StudyInfo(experiment.Name, ExperimentYaml.Write(experiment), DateTimeOffset.UtcNow), inputs);
        return await new SweepRunner(experiment, store, registry, location.ArtefactRoot, progress).RunAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Continues a study (path or name): re-runs interrupted trials, then proposes new ones within the budgets.
    /// <paramref name="inputs"/> are this run's inputs: any that differs from the recorded one is refused
    /// (<see cref="StudyInputsMismatchException"/>, naming each), any the study did not record yet is recorded.
    /// A trial left Running by a process that died is adopted as a retry, at most <paramref name="maxRetries"/> times,
    /// then recorded Failed; Interrupted trials are re-run without counting a retry; Failed trials stay Failed.
    /// </summary>
    public static async Task<SweepSummary> ResumeAsync(
        string study,
        TrialFactoryRegistry registry,
        ISweepProgress? progress = null,
        string studiesDirectory = StudyLocation.DefaultDirectory,
        IReadOnlyDictionary<string, string>? inputs = null,
        int maxRetries = SqliteStudyStore.DefaultMaxRetries,
        CancellationToken cancellationToken = default)
    {
        var location = StudyLocation.Resolve(study, studiesDirectory);
        using var store = SqliteStudyStore.Open(location.DatabasePath, maxRetries);
        if (inputs is not null)
        {
            StudyInputs.RequireMatch(location.DatabasePath, store.Inputs, inputs);
            store.RecordInputs(inputs);
        }

        var experiment = ExperimentYaml.Read(store.Study.Definition, location.DatabasePath);
        return await new SweepRunner(experiment, store, registry, location.ArtefactRoot, progress).RunAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Throws <see cref="StudyInputsMismatchException"/> when <paramref name="inputs"/> differ from those the study
    /// recorded — a check a caller can make before preparing data for a resume.
    /// </summary>
    public static void RequireInputs(string study, IReadOnlyDictionary<string, string> inputs, string studiesDirectory = StudyLocation.DefaultDirectory)
    {
        var location = StudyLocation.Resolve(study, studiesDirectory);
        using var store = SqliteStudyStore.Open(location.DatabasePath);
        StudyInputs.RequireMatch(location.DatabasePath, store.Inputs, inputs);
    }

    /// <summary>Counts, best trial and recent errors of a study (path or name).</summary>
    public static StudyStatus GetStatus(string study, string studiesDirectory = StudyLocation.DefaultDirectory)
    {
        var location = StudyLocation.Resolve(study, studiesDirectory);
        using var store = SqliteStudyStore.Open(location.DatabasePath);
        return StudyStatus.Of(store, location.DatabasePath);
    }

    /// <summary>The leaderboard of a study (path or name), from the stored per-case predictions.</summary>
    public static LeaderboardTable BuildLeaderboard(string study, string studiesDirectory = StudyLocation.DefaultDirectory)
    {
        var location = StudyLocation.Resolve(study, studiesDirectory);
        using var store = SqliteStudyStore.Open(location.DatabasePath);
        var experiment = ExperimentYaml.Read(store.Study.Definition, location.DatabasePath);
        return LeaderboardBuilder.Build(store.Study.Name, experiment, store.GetTrials(), location.ArtefactRoot);
    }

    /// <summary>Writes leaderboard.csv and leaderboard.md durably (default folder: the study's artefact folder); returns their paths.</summary>
    public static (string Csv, string Markdown) WriteLeaderboard(string study, string? outputDirectory = null, string studiesDirectory = StudyLocation.DefaultDirectory)
    {
        var table = BuildLeaderboard(study, studiesDirectory);
        return LeaderboardWriter.WriteFiles(table, outputDirectory ?? StudyLocation.Resolve(study, studiesDirectory).ArtefactRoot);
    }
}
