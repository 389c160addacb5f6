using System.Globalization;
using System.Text;
using OlnmMl.AutoML.Store;

namespace OlnmMl.AutoML;

/// <summary>What <c>olnm sweep status</c> prints.</summary>
/// <param name="Study">The study.</param>
/// <param name="Where">Where it is stored: its SQLite file, or its PostgreSQL database (no password).</param>
/// <param name="Trials">Trials in the study.</param>
/// <param name="Complete">Complete trials.</param>
/// <param name="Failed">Failed trials.</param>
/// <param name="Pruned">Pruned trials.</param>
/// <param name="Running">Trials running now, or left Running by a process that died (a resume re-runs them).</param>
/// <param name="Interrupted">Trials stopped by a cancellation (a resume re-runs them).</param>
/// <param name="MaxTrials">Trial budget of the experiment, or null.</param>
/// <param name="BestTrial">Best trial by the selection objective, or null.</param>
/// <param name="BestObjective">Its objective, or null.</param>
/// <param name="TrialTime">Sum of the finished trials' durations.</param>
/// <param name="LastErrors">First lines of the last (up to 5) failed trials' errors, as "trial N: message".</param>
public sealed record StudyStatus(
    StudyInfo Study,
    string Where,
    int Trials,
    int Complete,
    int Failed,
    int Pruned,
    int Running,
    int Interrupted,
    int? MaxTrials,
    int? BestTrial,
    double? BestObjective,
    TimeSpan TrialTime,
    IReadOnlyList<string> LastErrors)
{
    /// <summary>The status of the study in <paramref name="store"/>, stored at <paramref name="where"/>.</summary>
    public static StudyStatus Of(IStudyStore store, string where)
    {
        ArgumentNullException.ThrowIfNull(store);
        var experiment = Experiments.ExperimentYaml.Read(store.Study.Definition, where);
        var trials = store.GetTrials();
        var best = trials.Where(t => t is { Status: TrialStatus.Complete, Objective: not null })
            .OrderBy(t => Runner.SelectionObjective.ToLoss(experiment.Objective, t.Objective!.Value)).ThenBy(t => t.Number).FirstOrDefault();
        return new StudyStatus(
            store.Study,
            where,
            trials.Count,
            trials.Count(t => t.Status == TrialStatus.Complete),
            trials.Count(t => t.Status == TrialStatus.Failed),
            trials.Count(t => t.Status == TrialStatus.Pruned),
            trials.Count(t => t.Status == TrialStatus.Running),
            trials.Count(t => t.Status == TrialStatus.Interrupted),
            experiment.Budget.MaxTrials,
            best?.Number,
            best?.Objective,
            trials.Aggregate(TimeSpan.Zero, (sum, t) => sum + t.Duration),
            trials.Where(t => t.Status == TrialStatus.Failed).TakeLast(5).Select(t => $"trial {t.Number}: {t.Error?.Split('\n')[0].Trim()}").ToArray());
    }

    /// <summary>Plain-text lines for a terminal.</summary>
    public override string ToString()
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"study {Study.Name} ({Where}), created {Study.CreatedAt:u}");
        s.AppendLine(CultureInfo.InvariantCulture,
            $"trials {Trials}{(MaxTrials is { } m ? $"/{m}" : "")}: complete {Complete}, failed {Failed}, pruned {Pruned}, running {Running}, interrupted {Interrupted}");
        s.AppendLine(CultureInfo.InvariantCulture, $"best: {(BestTrial is { } b ? $"trial {b}, selection objective {BestObjective:F4}" : "none yet")}");
        s.AppendLine(CultureInfo.InvariantCulture, $"trial time: {TrialTime.TotalMinutes:F1} min");
        foreach (var error in LastErrors)
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"failed {error}");
        }

        return s.ToString();
    }
}
