namespace OlnmMl.AutoML.Runner;

/// <summary>How a run of a sweep ended.</summary>
/// <param name="Complete">Complete trials in the study.</param>
/// <param name="Failed">Failed trials in the study.</param>
/// <param name="Pruned">Pruned trials in the study.</param>
/// <param name="Interrupted">Trials left Running (cancelled run); a resume re-runs them under the same numbers.</param>
/// <param name="BestTrial">Trial with the best selection objective, or null.</param>
/// <param name="BestObjective">Its objective, or null.</param>
/// <param name="Exhausted">True when the tuner had nothing more to propose (a finished grid).</param>
/// <param name="Elapsed">Duration of this run.</param>
public sealed record SweepSummary(
    int Complete,
    int Failed,
    int Pruned,
    int Interrupted,
    int? BestTrial,
    double? BestObjective,
    bool Exhausted,
    TimeSpan Elapsed);
