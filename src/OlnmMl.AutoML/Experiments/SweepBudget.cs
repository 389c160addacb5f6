namespace OlnmMl.AutoML.Experiments;

/// <summary>Limits of a sweep.</summary>
/// <param name="MaxTrials">Most trials in the study (every status counts), or null for no limit (a grid ends by itself).</param>
/// <param name="Time">Wall-clock budget per run of the sweep; at the deadline running trials are cancelled and recorded Pruned.</param>
/// <param name="MemoryBytes">Sum of the trial factories' memory estimates allowed to run at once; one trial always runs.</param>
/// <param name="Parallelism">Most trials running at once.</param>
public sealed record SweepBudget(int? MaxTrials, TimeSpan? Time, long? MemoryBytes, int Parallelism = 1)
{
    /// <summary>
    /// Most training epochs summed over the study's trials (YAML <c>budget: {epochs: N}</c>), or null for no limit: the epochs
    /// spent are the stored intermediate values of every trial (one per trained epoch, <see cref="Store.IStudyStore.GetIntermediateValues"/>),
    /// so a promoted trial that continues its parent counts only the epochs it trained itself. Once they reach the limit no new
    /// trial is proposed; running trials finish, so a sweep may end past the limit by the last trials' epochs.
    /// </summary>
    public int? MaxEpochs { get; init; }

    /// <summary>Throws when a limit is not positive.</summary>
    public void Validate()
    {
        if (MaxTrials is <= 0 || Time is { } t && t <= TimeSpan.Zero || MemoryBytes is <= 0 || Parallelism < 1)
        {
            throw new ArgumentException($"Sweep budget limits must be positive, got {this}.");
        }

        if (MaxEpochs is <= 0)
        {
            throw new ArgumentException($"budget.epochs must be a positive number of training epochs, got {MaxEpochs}.");
        }
    }
}
