namespace OlnmMl.AutoML.Experiments;

/// <summary>Limits of a sweep.</summary>
/// <param name="MaxTrials">Most trials in the study (every status counts), or null for no limit (a grid ends by itself).</param>
/// <param name="Time">Wall-clock budget per run of the sweep; at the deadline running trials are cancelled and recorded Pruned.</param>
/// <param name="MemoryBytes">Sum of the trial factories' memory estimates allowed to run at once; one trial always runs.</param>
/// <param name="Parallelism">Most trials running at once.</param>
public sealed record SweepBudget(int? MaxTrials, TimeSpan? Time, long? MemoryBytes, int Parallelism = 1)
{
    /// <summary>Throws when a limit is not positive.</summary>
    public void Validate()
    {
        if (MaxTrials is <= 0 || Time is { } t && t <= TimeSpan.Zero || MemoryBytes is <= 0 || Parallelism < 1)
        {
            throw new ArgumentException($"Sweep budget limits must be positive, got {this}.");
        }
    }
}
