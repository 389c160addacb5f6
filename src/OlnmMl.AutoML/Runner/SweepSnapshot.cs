namespace OlnmMl.AutoML.Runner;

/// <summary>State of a sweep for progress displays.</summary>
/// <param name="Complete">Trials complete (whole study).</param>
/// <param name="Failed">Trials failed.</param>
/// <param name="Pruned">Trials pruned.</param>
/// <param name="Running">Trials running now.</param>
/// <param name="MaxTrials">Trial budget, or null.</param>
/// <param name="BestTrial">Number of the trial with the best selection objective, or null.</param>
/// <param name="BestObjective">Its objective, or null.</param>
/// <param name="Elapsed">Time since this run of the sweep started.</param>
/// <param name="EstimatedRemaining">
/// Estimated time left: (trials left) × (mean trial duration of this run) / parallelism, capped by the time budget; null when unknown.
/// </param>
public sealed record SweepSnapshot(
    int Complete,
    int Failed,
    int Pruned,
    int Running,
    int? MaxTrials,
    int? BestTrial,
    double? BestObjective,
    TimeSpan Elapsed,
    TimeSpan? EstimatedRemaining);
