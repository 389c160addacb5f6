using OlnmMl.AutoML;
using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Store;
using OlnmMl.Cohorts.Manifest;
using OlnmMl.Cohorts.Synthetic;

namespace OlnmMl.Workflows.Jobs;

/// <summary>
/// What <c>olnm run</c> would do with the same options, found without generating, extracting or training anything:
/// the data it would read (and whether it exists yet), the run folder, the targets, the trials by kind, and — when a
/// study from an earlier run exists (<see cref="MainJob.StudyOf"/>) — how many trials are done and how long the rest should take.
/// </summary>
/// <param name="Experiment">The experiment's name.</param>
/// <param name="ExperimentPath">The experiment file (the embedded quickstart when none was given).</param>
/// <param name="Data">The manifest the job reads, or the folder a synthetic cohort is generated into.</param>
/// <param name="DataExists">Whether <paramref name="Data"/> exists now (false: the job generates it first).</param>
/// <param name="CasesByCohort">Cases per cohort of an existing manifest (empty before a synthetic cohort is made).</param>
/// <param name="RunDirectory">The folder of the study, leaderboards, reports and ONNX models.</param>
/// <param name="Targets">The targets, each with its own leaderboard and report.</param>
/// <param name="Trials">The trials the sweep would run in all: the budget, or the grid's size when that is smaller.</param>
/// <param name="TrialsByKind">Trials per kind (grid tuner), or the kinds the tuner draws from with no count (others).</param>
/// <param name="Parallel">Trials run at once.</param>
/// <param name="Complete">Trials already complete in the run's study.</param>
/// <param name="MeanTrialDuration">Mean duration of those complete trials, when there are any.</param>
public sealed record RunPlan(
    string Experiment,
    string ExperimentPath,
    string Data,
    bool DataExists,
    IReadOnlyDictionary<string, int> CasesByCohort,
    string RunDirectory,
    IReadOnlyList<string> Targets,
    int? Trials,
    IReadOnlyDictionary<string, int?> TrialsByKind,
    int Parallel,
    int Complete,
    TimeSpan? MeanTrialDuration)
{
    /// <summary>
    /// The remaining trials' wall time: ⌈remaining / parallel⌉ × the mean complete trial's duration; null before any
    /// trial has completed or with no trial budget.
    /// </summary>
    public TimeSpan? EstimatedRemaining => Trials is { } total && MeanTrialDuration is { } mean
        ? mean * Math.Ceiling(Math.Max(0, total - Complete) / (double)Math.Max(1, Parallel))
        : null;

    /// <summary>Plans the job of <paramref name="options"/> (as <see cref="MainJob.Run"/> would run it).</summary>
    /// <exception cref="OlnmUserException">The experiment does not validate (the message names the file).</exception>
    public static RunPlan Of(MainJobOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var output = Path.GetFullPath(options.OutputDirectory);
        var experimentPath = options.ExperimentPath ?? EmbeddedDefaults.Materialise(EmbeddedDefaults.Experiment, Path.Combine(output, "inputs"));
        var experiment = ExperimentYaml.Load(experimentPath);
        ExperimentValidation.Validate(experiment, experimentPath);
        var (data, label) = MainJob.SyntheticPreset(experiment, options) is { } preset
            ? (Path.GetFullPath(Path.Combine(options.DataDirectory, $"{CohortPresetNames.Of(preset)}-seed{options.CohortSeed}")), $"{CohortPresetNames.Of(preset)}-seed{options.CohortSeed}")
            : (Path.GetFullPath(experiment.Data.Source), Path.GetFileNameWithoutExtension(experiment.Data.Source));
        var manifest = Directory.Exists(data) ? Path.Combine(data, "manifest.csv") : data;
        var cases = File.Exists(manifest)
            ? ManifestReader.Read(manifest).GroupBy(c => c.Role.ToString()).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count())
            : [];
        var runDirectory = Path.Combine(output, $"{experiment.Name}-{label}");
        var (trials, byKind) = TrialCount(experiment);
        var (complete, mean) = Progress(MainJob.StudyOf(options, experiment.Name, label).DatabasePath);
        return new RunPlan(
            experiment.Name, experimentPath, data, Path.Exists(data), cases, runDirectory, StudyTargets.Of(experiment, experimentPath),
            trials, byKind, experiment.Budget.Parallelism, complete, mean);
    }

    private static (int? Total, IReadOnlyDictionary<string, int?> ByKind) TrialCount(ExperimentDefinition experiment)
    {
        if (experiment.Tuner.Kind == "grid")
        {
            var grid = experiment.Space.Grid(experiment.Tuner.GridResolution);
            var total = experiment.Budget.MaxTrials is { } max ? Math.Min(max, grid.Count) : grid.Count;
            return (total, grid.Take(total).GroupBy(p => p.GetCategory(ExperimentDefinition.TrialKindParameter)).ToDictionary(g => g.Key, g => (int?)g.Count()));
        }

        return (experiment.Budget.MaxTrials, experiment.TrialKinds.ToDictionary(k => k, _ => (int?)null));
    }

    private static (int Complete, TimeSpan? Mean) Progress(string database)
    {
        if (!File.Exists(database))
        {
            return (0, null);
        }

        using var store = SqliteStudyStore.Open(database);
        var complete = store.GetTrials().Where(t => t.Status == TrialStatus.Complete).ToArray();
        return (complete.Length, complete.Length == 0 ? null : TimeSpan.FromTicks((long)complete.Average(t => t.Duration.Ticks)));
    }
}
