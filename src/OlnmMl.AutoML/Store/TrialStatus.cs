namespace OlnmMl.AutoML.Store;

/// <summary>
/// Life cycle of a trial: Running (or Interrupted) → exactly one of Complete, Failed or Pruned, after which it never
/// changes. Running and Interrupted are the open states: a resumed sweep re-runs such a trial under the same number
/// and seed once it holds the trial's lease (see <see cref="IStudyLease"/>).
/// </summary>
public enum TrialStatus
{
    /// <summary>Reserved and being evaluated — or left so by a process that died (its lease tells which).</summary>
    Running,
    /// <summary>Finished with metrics.</summary>
    Complete,
    /// <summary>Threw; <see cref="TrialRecord.Error"/> holds the error.</summary>
    Failed,
    /// <summary>Stopped early by the tuner or a budget.</summary>
    Pruned,
    /// <summary>Stopped by a cancellation (Ctrl-C, SIGTERM) before it finished; not final, a resume re-runs it.</summary>
    Interrupted,
}
