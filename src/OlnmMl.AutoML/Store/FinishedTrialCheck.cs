namespace OlnmMl.AutoML.Store;

/// <summary>The checks every store applies in <see cref="IStudyStore.FinishTrial"/>, with messages naming the trial.</summary>
internal static class FinishedTrialCheck
{
    public static void Validate(TrialRecord stored, TrialRecord finished)
    {
        if (finished.Status == TrialStatus.Running)
        {
            throw new InvalidOperationException($"Trial {finished.Number}: a finished record needs a final status, not Running.");
        }

        if (stored.Status != TrialStatus.Running)
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
}
