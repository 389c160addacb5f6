using System.Globalization;
using System.Text;
using OlnmMl.AutoML.Store;

namespace OlnmMl.AutoML;

/// <summary>What <c>olnm sweep status</c> prints.</summary>
/// <param name="Study">The study.</param>
/// <param name="Location">Its files.</param>
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
    StudyLocation Location,
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
    /// <summary>Plain-text lines for a terminal.</summary>
    public override string ToString()
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"study {Study.Name} ({Location.DatabasePath}), created {Study.CreatedAt:u}");
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
