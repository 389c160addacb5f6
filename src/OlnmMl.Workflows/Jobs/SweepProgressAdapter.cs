using System.Globalization;
using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.Store;

namespace OlnmMl.Workflows.Jobs;

/// <summary>Turns sweep events into (done, total, "best so far, failures, ETA") progress reports.</summary>
public sealed class SweepProgressAdapter(Action<int, int, string> report) : ISweepProgress
{
    /// <inheritdoc />
    public void TrialStarted(TrialRecord trial, SweepSnapshot snapshot) => Report(snapshot, $"trial {trial.Number} started ({trial.Parameters})");

    /// <inheritdoc />
    public void TrialFinished(TrialRecord trial, SweepSnapshot snapshot) => Report(snapshot, $"trial {trial.Number} {trial.Status.ToString().ToLowerInvariant()}");

    private void Report(SweepSnapshot s, string what)
    {
        var done = s.Complete + s.Failed + s.Pruned;
        var best = s.BestObjective is { } b ? string.Create(CultureInfo.InvariantCulture, $"best {b:0.000} (trial {s.BestTrial})") : "no best yet";
        var eta = s.EstimatedRemaining is { } r ? $", ETA {r:hh\\:mm\\:ss}" : string.Empty;
        report(done, s.MaxTrials ?? Math.Max(done, 1), $"{what}; {best}; {s.Failed} failed{eta}");
    }
}
