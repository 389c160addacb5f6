using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Pruners;
using OlnmMl.AutoML.Store;

namespace OlnmMl.AutoML.Runner;

/// <summary>
/// The sweep runner's <see cref="ITrialReporter"/> for one trial: stores each value in the study
/// (<see cref="IStudyStore.ReportIntermediate"/>) and asks <paramref name="pruner"/> (none: never prune) with every
/// trial's stored values turned into losses by the experiment's objective direction.
/// </summary>
internal sealed class StoreTrialReporter(IStudyStore store, int trial, IPruner? pruner, ObjectiveMetric objective) : ITrialReporter
{
    private readonly Lock _gate = new();

    /// <summary>The latest report (step, value), or null before any.</summary>
    public (int Step, double Value)? Last
    {
        get
        {
            lock (_gate)
            {
                return field;
            }
        }

        private set
        {
            lock (_gate)
            {
                field = value;
            }
        }
    }

    /// <inheritdoc />
    public void Report(int step, double value)
    {
        store.ReportIntermediate(trial, step, value);
        Last = (step, value);
    }

    /// <inheritdoc />
    public bool ShouldPrune()
    {
        if (pruner is null || Last is not { } last)
        {
            return false;
        }

        var losses = store.GetIntermediateValues().Select(v => v with { Value = SelectionObjective.ToLoss(objective, v.Value) }).ToArray();
        var complete = store.GetTrials().Where(t => t.Status == TrialStatus.Complete).Select(t => t.Number).ToHashSet();
        return pruner.ShouldPrune(trial, last.Step, losses, complete);
    }
}
