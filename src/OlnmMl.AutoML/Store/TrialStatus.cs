namespace OlnmMl.AutoML.Store;

/// <summary>Life cycle of a trial: Running → exactly one of Complete, Failed or Pruned, after which it never changes.</summary>
public enum TrialStatus
{
    /// <summary>Reserved and being evaluated (or interrupted: a resumed sweep re-runs it under the same number).</summary>
    Running,
    /// <summary>Finished with metrics.</summary>
    Complete,
    /// <summary>Threw; <see cref="TrialRecord.Error"/> holds the error.</summary>
    Failed,
    /// <summary>Stopped early by the tuner or a budget.</summary>
    Pruned,
}
