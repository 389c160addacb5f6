using OlnmMl.AutoML.Store;

namespace OlnmMl.AutoML.Runner;

/// <summary>Forwards every event to a callback (Spectre.Console renderers, tests); <c>finished</c> is false for a start.</summary>
public sealed class CallbackProgress(Action<TrialRecord, SweepSnapshot, bool> callback) : ISweepProgress
{
    /// <inheritdoc />
    public void TrialStarted(TrialRecord trial, SweepSnapshot snapshot) => callback(trial, snapshot, false);

    /// <inheritdoc />
    public void TrialFinished(TrialRecord trial, SweepSnapshot snapshot) => callback(trial, snapshot, true);
}
