using OlnmMl.AutoML;
using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Leaderboard;
using OlnmMl.AutoML.Spaces;
using OlnmMl.AutoML.Store;
using OlnmMl.Cohorts.Manifest;
using OlnmMl.Workflows.Trials;

namespace OlnmMl.Workflows.Jobs;

/// <summary>
/// The targets a study predicts: the choices of the space's categorical <c>target</c> parameter (e.g. <c>n1</c> and
/// <c>n2</c>: one model per target, as the PET/CT study trains separate N1 and N2 models), else the manifest's
/// <c>label</c>. Every leaderboard, report and exported model is per target: trials of different targets are never
/// ranked against each other. For the same reason several targets need a tuner that does not learn from the
/// objective across trials (grid or random): SMAC or ASHA would compare AUCs of different outcomes.
/// </summary>
public static class StudyTargets
{
    /// <summary>The targets of <paramref name="experiment"/> (read from <paramref name="experimentPath"/>), in space order.</summary>
    /// <exception cref="OlnmUserException">Several targets with an adaptive tuner.</exception>
    public static IReadOnlyList<string> Of(ExperimentDefinition experiment, string experimentPath)
    {
        var targets = experiment.Space.Parameters.FirstOrDefault(p => p.Name == TrialTarget.Parameter) is CategoricalParameter parameter
            ? parameter.Choices
            : [Targets.Default];
        if (targets.Count > 1 && experiment.Tuner.Kind is not ("grid" or "random"))
        {
            throw new OlnmUserException(
                $"{experimentPath}: space.target has {targets.Count} choices ({string.Join(", ", targets)}), which the '{experiment.Tuner.Kind}' tuner would rank against each other; use tuner kind grid or random, or one experiment per target");
        }

        return targets;
    }

    /// <summary>The trials of <paramref name="trials"/> that predict <paramref name="target"/>.</summary>
    public static IEnumerable<TrialRecord> Predicting(IEnumerable<TrialRecord> trials, string target) =>
        trials.Where(t => TrialTarget.Of(t.Parameters) == target);

    /// <summary>
    /// The leaderboard of the trials of <paramref name="target"/> in the study at <paramref name="location"/>, and those
    /// trials: ranks, DeLong tests and their corrections are computed among one target's models only. Where a synthetic
    /// truth file lies beside <paramref name="manifestPath"/> (<see cref="OracleReference"/>), the table also shows the
    /// oracle AUC per cohort and each model's share of the attainable lift. With the data option <c>ensemble</c>, the table
    /// has the weighted ensemble's row (<see cref="StudyDecisions"/>); it always says which cohorts each decision saw.
    /// </summary>
    public static (LeaderboardTable Table, IReadOnlyList<TrialRecord> Trials) Leaderboard(
        StudyLocation location, ExperimentDefinition experiment, string target, string? manifestPath = null)
    {
        using var store = SqliteStudyStore.Open(location.DatabasePath);
        return Leaderboard(store, location.ArtefactRoot, experiment, target, manifestPath);
    }

    /// <summary>
    /// The leaderboard of <paramref name="target"/> in the study of any <paramref name="store"/> (SQLite, PostgreSQL),
    /// whose trial folders lie under <paramref name="artefactRoot"/>; as the overload for a study file.
    /// </summary>
    public static (LeaderboardTable Table, IReadOnlyList<TrialRecord> Trials) Leaderboard(
        IStudyStore store, string artefactRoot, ExperimentDefinition experiment, string target, string? manifestPath = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var predicting = Predicting(store.GetTrials(), target).ToArray();
        var oracle = manifestPath is null ? null : OracleReference.Of(manifestPath, target);
        return (LeaderboardBuilder.Build(
            store.Study.Name, experiment, predicting, artefactRoot, oracle, StudyDecisions.Ensemble(experiment.Data), [StudyDecisions.Statement(experiment.Data)]), predicting);
    }

    /// <summary>
    /// The folder of <paramref name="target"/>'s leaderboard, report and model: the run folder itself when the study has
    /// one target (the single-target layout is unchanged), else its subfolder named as the target.
    /// </summary>
    public static string Directory(string runDirectory, string target, int targetCount) =>
        targetCount == 1 ? runDirectory : Path.Combine(runDirectory, target);
}
