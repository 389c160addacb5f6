namespace OlnmMl.AutoML.Store;

/// <summary>The checks every store applies in <see cref="IStudyStore.FinishTrial"/>, with messages naming the trial.</summary>
internal static class FinishedTrialCheck
{
    public static void Validate(TrialRecord stored, TrialRecord finished)
    {
        if (!finished.Status.IsFinal())
        {
            throw new InvalidOperationException($"Trial {finished.Number}: a finished record needs a final status, not {finished.Status}.");
        }

        if (stored.Status.IsFinal())
        {
            throw new InvalidOperationException(
                $"Trial {finished.Number} is already {stored.Status}; trial records are immutable once finished.");
        }

        if (!stored.Parameters.Equals(finished.Parameters) || stored.Budget != finished.Budget || stored.PromotedFrom != finished.PromotedFrom)
        {
            throw new InvalidOperationException(
                $"Trial {finished.Number} was started with [{stored.Parameters}] (budget {stored.Budget}); the finished record has [{finished.Parameters}] (budget {finished.Budget}).");
        }
    }

    /// <summary>The check of <see cref="IStudyStore.InterruptTrial"/>: only a Running trial can be marked interrupted.</summary>
    public static void ValidateInterrupt(TrialRecord stored)
    {
        if (stored.Status != TrialStatus.Running)
        {
            throw new InvalidOperationException($"Trial {stored.Number} is {stored.Status}; only a Running trial can be marked interrupted.");
        }
    }

    /// <summary>The check of <see cref="IStudyStore.ReportIntermediate"/>: only an open trial reports, at a step ≥ 0.</summary>
    public static void ValidateReport(TrialRecord stored, int step)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        if (stored.Status.IsFinal())
        {
            throw new InvalidOperationException(
                $"Trial {stored.Number} is already {stored.Status}; its intermediate values are immutable once finished.");
        }
    }
}
