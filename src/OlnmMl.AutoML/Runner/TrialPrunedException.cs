namespace OlnmMl.AutoML.Runner;

/// <summary>
/// Thrown by a trial factory when <see cref="TrialContext.ShouldPrune"/> said to stop; the runner records the trial
/// Pruned with its last reported value as its objective.
/// </summary>
public sealed class TrialPrunedException : Exception
{
    /// <summary>Creates the exception for a trial pruned at <paramref name="step"/>.</summary>
    public TrialPrunedException(int step)
        : base($"pruned at step {step}")
    {
        Step = step;
    }

    /// <summary>The step after whose report the trial was pruned.</summary>
    public int Step { get; }
}
