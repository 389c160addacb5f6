using OlnmMl.AutoML.Store;

namespace OlnmMl.AutoML.Runner;

/// <summary>Receives sweep events; called from the runner's scheduling loop, one call at a time.</summary>
public interface ISweepProgress
{
    /// <summary>A trial started (or an interrupted one restarted).</summary>
    void TrialStarted(TrialRecord trial, SweepSnapshot snapshot);

    /// <summary>A trial reached a final status.</summary>
    void TrialFinished(TrialRecord trial, SweepSnapshot snapshot);
}
