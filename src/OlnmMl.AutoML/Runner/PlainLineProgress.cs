using System.Globalization;
using OlnmMl.AutoML.Store;

namespace OlnmMl.AutoML.Runner;

/// <summary>Writes one line per event, e.g.
/// <c>[trial 12] complete objective=0.8123 (1m04s) | done 12/40, failed 1, running 2 | best #7 0.8311 | ETA 6m</c>.</summary>
public sealed class PlainLineProgress(TextWriter writer) : ISweepProgress
{
    /// <inheritdoc />
    public void TrialStarted(TrialRecord trial, SweepSnapshot snapshot) =>
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[trial {trial.Number}] started {trial.Parameters}{(trial.Budget is { } b ? $" budget={b}" : "")}"));

    /// <inheritdoc />
    public void TrialFinished(TrialRecord trial, SweepSnapshot snapshot)
    {
        var outcome = trial.Status == TrialStatus.Complete
            ? string.Create(CultureInfo.InvariantCulture, $"complete objective={trial.Objective:F4}")
            : $"{trial.Status.ToString().ToLowerInvariant()}: {FirstLine(trial.Error)}";
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[trial {trial.Number}] {outcome} ({Format(trial.Duration)}) | done {snapshot.Complete}{(snapshot.MaxTrials is { } m ? $"/{m}" : "")}, failed {snapshot.Failed}, running {snapshot.Running} | best {(snapshot.BestTrial is { } t ? $"#{t} {snapshot.BestObjective:F4}" : "-")} | ETA {(snapshot.EstimatedRemaining is { } e ? Format(e) : "?")}"));
    }

    private static string FirstLine(string? text) => text is null ? "" : text.Split('\n')[0].Trim();

    private static string Format(TimeSpan t) => t.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}h{t.Minutes:00}m")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalMinutes}m{t.Seconds:00}s");
}
