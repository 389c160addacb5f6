namespace OlnmMl.AutoML.Fluent;

/// <summary>
/// Receives an <see cref="AutoMLExperiment"/>'s trial events, as <c>Microsoft.ML.AutoML.IMonitor</c>; called one at a
/// time. <see cref="ReportFailTrial"/> gets the stored error text instead of ML.NET's exception (the store keeps the
/// text), and is also called for a trial the time budget cut short. A result's model stays usable only while it is
/// the best: the experiment disposes the others once reported.
/// </summary>
public interface IMonitor
{
    /// <summary>A trial started.</summary>
    void ReportRunningTrial(TrialSettings settings);

    /// <summary>A trial completed.</summary>
    void ReportCompletedTrial(TrialResult result);

    /// <summary>A trial completed with the best metric so far (after its <see cref="ReportCompletedTrial"/>).</summary>
    void ReportBestTrial(TrialResult result);

    /// <summary>A trial failed or was cut short; <paramref name="error"/> is the stored error text.</summary>
    void ReportFailTrial(TrialSettings settings, string? error);
}
