using Microsoft.ML;
using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.Store;

namespace OlnmMl.AutoML.Fluent;

/// <summary>
/// Turns the runner's events into <see cref="IMonitor"/> calls and keeps the best completed trial with its model;
/// the models of the other trials are dropped as they finish, so one model (the best) stays in memory.
/// </summary>
internal sealed class MonitorProgress(PipelineTrialFactory factory, ObjectiveMetric metric, IMonitor? monitor) : ISweepProgress
{
    /// <summary>The best completed trial so far, or null.</summary>
    public TrialResult? Best { get; private set; }

    /// <summary>The error of the first failed trial, or null.</summary>
    public string? FirstError { get; private set; }

    public void TrialStarted(TrialRecord trial, SweepSnapshot snapshot) => monitor?.ReportRunningTrial(TrialSettings.Of(trial));

    public void TrialFinished(TrialRecord trial, SweepSnapshot snapshot)
    {
        factory.Models.TryRemove(trial.Number, out var model);
        if (trial is not { Status: TrialStatus.Complete, Objective: { } objective } || model is null)
        {
            FirstError ??= trial.Error;
            monitor?.ReportFailTrial(TrialSettings.Of(trial), trial.Error);
            return;
        }

        var result = new TrialResult
        {
            TrialSettings = TrialSettings.Of(trial),
            Metric = objective,
            Loss = SelectionObjective.ToLoss(metric, objective),
            DurationInMilliseconds = trial.Duration.TotalMilliseconds,
            PeakMemoryInMegaByte = trial.PeakMemoryBytes / (1024.0 * 1024.0),
            Model = model,
            Record = trial,
        };
        monitor?.ReportCompletedTrial(result);
        if (Best is null || result.Loss < Best.Loss)
        {
            (Best?.Model as IDisposable)?.Dispose();
            Best = result;
            monitor?.ReportBestTrial(result);
        }
        else
        {
            (model as IDisposable)?.Dispose();
        }
    }
}
