using Microsoft.ML;
using OlnmMl.AutoML.Store;

namespace OlnmMl.AutoML.Fluent;

/// <summary>
/// A completed trial, as <c>Microsoft.ML.AutoML.TrialResult</c>: the validation metric, its loss (lower is better:
/// −AUC, the Brier score, the log loss), the fitted model, duration and peak memory. ML.NET's <c>PeakCpu</c> is
/// absent; <see cref="Record"/> is the stored trial (metrics per cohort, seed, artefacts).
/// </summary>
public sealed class TrialResult
{
    /// <summary>The trial's identity and configuration.</summary>
    public required TrialSettings TrialSettings { get; init; }

    /// <summary>The experiment's metric on the validation data.</summary>
    public required double Metric { get; init; }

    /// <summary>The metric as a loss (what the tuner minimised).</summary>
    public required double Loss { get; init; }

    /// <summary>Wall-clock duration of the trial (fit and scoring), in milliseconds.</summary>
    public required double DurationInMilliseconds { get; init; }

    /// <summary>Largest process working set sampled while the trial ran, in MiB.</summary>
    public required double? PeakMemoryInMegaByte { get; init; }

    /// <summary>The pipeline fitted on the training data.</summary>
    public required ITransformer Model { get; init; }

    /// <summary>The trial as the study store holds it.</summary>
    public required TrialRecord Record { get; init; }
}
