using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Store;

namespace OlnmMl.AutoML.Runner;

/// <summary>Counts, best trial and ETA of a sweep, updated as trials finish.</summary>
internal sealed class SweepState
{
    private readonly ExperimentDefinition _experiment;
    private TimeSpan _durationThisRun;
    private int _finishedThisRun;

    public SweepState(ExperimentDefinition experiment, IEnumerable<TrialRecord> history)
    {
        _experiment = experiment;
        Recount(history);
    }

    public int Complete { get; private set; }

    public int Failed { get; private set; }

    public int Pruned { get; private set; }

    public int? BestTrial { get; private set; }

    public double? BestObjective { get; private set; }

    /// <summary>Counts the study's trials afresh (read again, with other workers' trials); this run's ETA figures stay.</summary>
    public void Recount(IEnumerable<TrialRecord> history)
    {
        (Complete, Failed, Pruned, BestTrial, BestObjective) = (0, 0, 0, null, null);
        foreach (var trial in history)
        {
            Count(trial);
        }
    }

    public void Add(TrialRecord finished)
    {
        Count(finished);
        _durationThisRun += finished.Duration;
        _finishedThisRun++;
    }

    public SweepSnapshot Snapshot(int running, TimeSpan elapsed) =>
        new(Complete, Failed, Pruned, running, _experiment.Budget.MaxTrials, BestTrial, BestObjective, elapsed, Remaining(running, elapsed));

    public SweepSummary Summary(int interrupted, bool exhausted, TimeSpan elapsed) =>
        new(Complete, Failed, Pruned, interrupted, BestTrial, BestObjective, exhausted, elapsed);

    private void Count(TrialRecord trial)
    {
        switch (trial.Status)
        {
            case TrialStatus.Complete:
                Complete++;
                if (trial.Objective is { } objective && IsBetter(trial.Number, objective))
                {
                    BestObjective = objective;
                    BestTrial = trial.Number;
                }

                break;
            case TrialStatus.Failed:
                Failed++;
                break;
            case TrialStatus.Pruned:
                Pruned++;
                break;
        }
    }

    /// <summary>Lower loss wins; equal losses go to the lower trial number, as in the leaderboard's ranking.</summary>
    private bool IsBetter(int number, double objective)
    {
        if (BestObjective is not { } best)
        {
            return true;
        }

        var loss = SelectionObjective.ToLoss(_experiment.Objective, objective);
        var bestLoss = SelectionObjective.ToLoss(_experiment.Objective, best);
        return loss < bestLoss || (loss == bestLoss && number < BestTrial);
    }

    private TimeSpan? Remaining(int running, TimeSpan elapsed)
    {
        var budgetLeft = _experiment.Budget.Time is { } time ? time - elapsed : (TimeSpan?)null;
        if (_experiment.Budget.MaxTrials is not { } max || _finishedThisRun == 0)
        {
            return budgetLeft;
        }

        var left = Math.Max(0, max - Complete - Failed - Pruned);
        var estimate = _durationThisRun / _finishedThisRun * left / _experiment.Budget.Parallelism;
        return budgetLeft is { } b && b < estimate ? b : estimate;
    }
}
