using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.Store;

namespace OlnmMl.AutoML.Cleanup;

/// <summary>
/// Removes the large artefacts (networks, models, checkpoints) of a study's finished trials except the best
/// <c>keepBest</c> by the selection objective, which the export and a later report need whole. It never removes
/// <c>predictions.tsv</c> (the leaderboard and report read every trial's), anything of a Running or Interrupted
/// trial, or of a trial such a trial continues from (its checkpoint). It holds the study's lease while it works,
/// so it is refused while a sweep runs the study.
/// </summary>
public static class StudyCleanup
{
    /// <summary>Cleans study <paramref name="location"/>; returns what was (or, with <paramref name="dryRun"/>, would be) removed.</summary>
    public static IReadOnlyList<CleanupItem> Run(StudyLocation location, int keepBest, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentOutOfRangeException.ThrowIfNegative(keepBest);
        using var store = SqliteStudyStore.Open(location.DatabasePath);
        using var lease = store.AcquireLease("olnm clean", TimeSpan.Zero);
        var experiment = Experiments.ExperimentYaml.Read(store.Study.Definition, location.DatabasePath);
        var trials = store.GetTrials();
        var kept = trials.Where(t => t is { Status: TrialStatus.Complete, Objective: not null })
            .OrderBy(t => SelectionObjective.ToLoss(experiment.Objective, t.Objective!.Value)).ThenBy(t => t.Number)
            .Take(keepBest).Select(t => t.Number)
            .Concat(trials.Where(t => !t.Status.IsFinal()).SelectMany(t => new[] { t.Number, t.PromotedFrom ?? t.Number }))
            .ToHashSet();
        var items = new List<CleanupItem>();
        foreach (var trial in trials.Where(t => t.Status.IsFinal() && !kept.Contains(t.Number)))
        {
            var folder = Path.Combine(location.ArtefactRoot, $"trial-{trial.Number:D5}");
            if (!Directory.Exists(folder))
            {
                continue;
            }

            var predictions = trial.Artefacts.TryGetValue("predictions", out var relative) ? Path.GetFullPath(Path.Combine(location.ArtefactRoot, relative)) : null;
            var reason = $"trial {trial.Number} ({trial.Status.ToString().ToLowerInvariant()}) is not among the best {keepBest}";
            items.AddRange(Directory.EnumerateFileSystemEntries(folder)
                .Where(entry => Path.GetFullPath(entry) != predictions)
                .Order(StringComparer.Ordinal)
                .Select(entry => DiskCleanup.Item(entry, reason)));
        }

        return DiskCleanup.Remove(items, dryRun);
    }
}
