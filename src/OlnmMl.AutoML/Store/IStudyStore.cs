namespace OlnmMl.AutoML.Store;

/// <summary>
/// Persistence of one study. Contract (checked by the store contract tests, run against every implementation):
/// <list type="bullet">
/// <item><see cref="StartTrial"/> assigns numbers 0, 1, 2, … atomically, also under concurrent callers;
/// <see cref="TryStartTrial"/> writes a trial only under the number its caller expects.</item>
/// <item><see cref="FinishTrial"/> moves a Running or Interrupted trial to a final status once; a finished record never changes.</item>
/// <item>What was finished is durable: a store reopened after the process died returns the same records, and the
/// trials left Running or Interrupted are exactly those that did not finish.</item>
/// <item>Only the holder of a trial's lease (<see cref="AcquireLease"/>, <see cref="IStudyLease.TryClaim"/>) runs it.</item>
/// <item>A Running or Interrupted trial's intermediate values (<see cref="ReportIntermediate"/>) are stored one per
/// step and read back by <see cref="GetIntermediateValues"/>; a finished trial's values never change.</item>
/// <item>The inputs a study's results depend on (<see cref="Inputs"/>) are recorded once and never change.</item>
/// </list>
/// A store for many machines (PostgreSQL) implements the same interface with per-trial leases.
/// </summary>
public interface IStudyStore : IDisposable
{
    /// <summary>The study.</summary>
    StudyInfo Study { get; }

    /// <summary>
    /// What the study's results depend on (name → value, e.g. experiment hash, data fingerprint, cohort seed),
    /// as recorded at creation or by <see cref="RecordInputs"/>; empty for a study that recorded none.
    /// </summary>
    IReadOnlyDictionary<string, string> Inputs { get; }

    /// <summary>
    /// Takes the right to run this study's trials for this process, waiting up to <paramref name="wait"/> while
    /// a study-level lease is held by another live process; throws <see cref="StudyInUseException"/> naming that
    /// holder after the wait. A store with per-trial leases returns at once; its trials are claimed one by one.
    /// </summary>
    IStudyLease AcquireLease(string purpose, TimeSpan wait);

    /// <summary>
    /// Records inputs not recorded yet (a study created before inputs were recorded); throws
    /// <see cref="InvalidOperationException"/> when a name is already recorded with another value.
    /// </summary>
    void RecordInputs(IReadOnlyDictionary<string, string> inputs);

    /// <summary>Reserves the next trial number and records the trial as Running.</summary>
    TrialRecord StartTrial(TrialStart start);

    /// <summary>
    /// Records trial <paramref name="number"/> as Running when it is the study's next number, atomically; returns
    /// null (writing nothing) when another process took that number first — the caller re-reads the trials and
    /// proposes again, so a trial's parameters are always those proposed for its number.
    /// </summary>
    TrialRecord? TryStartTrial(int number, TrialStart start);

    /// <summary>
    /// Records the final state of a Running or Interrupted trial. Throws <see cref="InvalidOperationException"/> when
    /// the trial is unknown or already finished, or when the record is not final or changes the trial's parameters.
    /// </summary>
    void FinishTrial(TrialRecord finished);

    /// <summary>
    /// Marks a Running trial Interrupted (a cancelled sweep), with <paramref name="reason"/> as its error text;
    /// throws <see cref="InvalidOperationException"/> when the trial is unknown or not Running.
    /// </summary>
    void InterruptTrial(int number, string reason);

    /// <summary>
    /// Records <paramref name="value"/> at <paramref name="step"/> (≥ 0) for Running or Interrupted trial
    /// <paramref name="number"/>, replacing the value a former run of the trial (a retry) reported at that step.
    /// Throws <see cref="InvalidOperationException"/> when the trial is unknown or finished (its values are immutable)
    /// and <see cref="ArgumentOutOfRangeException"/> for a negative step.
    /// </summary>
    void ReportIntermediate(int number, int step, double value);

    /// <summary>
    /// The intermediate values of trial <paramref name="number"/>, or of every trial when null, ordered by trial then
    /// step; empty for a trial that reported none.
    /// </summary>
    IReadOnlyList<IntermediateValue> GetIntermediateValues(int? number = null);

    /// <summary>The trial numbered <paramref name="number"/>; throws <see cref="KeyNotFoundException"/> when absent.</summary>
    TrialRecord GetTrial(int number);

    /// <summary>All trials, ordered by number.</summary>
    IReadOnlyList<TrialRecord> GetTrials();

    /// <summary>Number of trials, or of trials with <paramref name="status"/>.</summary>
    int CountTrials(TrialStatus? status = null);
}
