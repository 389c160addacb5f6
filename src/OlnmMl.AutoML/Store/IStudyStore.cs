namespace OlnmMl.AutoML.Store;

/// <summary>
/// Persistence of one study. Contract (checked by the store contract tests, run against every implementation):
/// <list type="bullet">
/// <item><see cref="StartTrial"/> assigns numbers 0, 1, 2, … atomically, also under concurrent callers.</item>
/// <item><see cref="FinishTrial"/> moves a Running trial to a final status once; a finished record never changes.</item>
/// <item>What was finished is durable: a store reopened after the process died returns the same records, and the
/// trials left Running are exactly those that were interrupted.</item>
/// </list>
/// A store for many machines (PostgreSQL) implements the same interface.
/// </summary>
public interface IStudyStore : IDisposable
{
    /// <summary>The study.</summary>
    StudyInfo Study { get; }

    /// <summary>Reserves the next trial number and records the trial as Running.</summary>
    TrialRecord StartTrial(TrialStart start);

    /// <summary>
    /// Records the final state of a Running trial. Throws <see cref="InvalidOperationException"/> when the trial is
    /// unknown or already finished, or when the record is Running or changes the trial's parameters.
    /// </summary>
    void FinishTrial(TrialRecord finished);

    /// <summary>The trial numbered <paramref name="number"/>; throws <see cref="KeyNotFoundException"/> when absent.</summary>
    TrialRecord GetTrial(int number);

    /// <summary>All trials, ordered by number.</summary>
    IReadOnlyList<TrialRecord> GetTrials();

    /// <summary>Number of trials, or of trials with <paramref name="status"/>.</summary>
    int CountTrials(TrialStatus? status = null);
}
