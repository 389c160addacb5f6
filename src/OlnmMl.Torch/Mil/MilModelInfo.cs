namespace OlnmMl.Torch.Mil;

/// <summary>
/// Everything needed to rebuild a trained multi-instance model and score with it, stored with the weights: the format
/// version, the network spec, the training mode, the instance-level aggregation (and its fitted histogram classifier).
/// </summary>
public sealed record MilModelInfo
{
    /// <summary>Version of the saved format written by this build.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>Saved-format version.</summary>
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>The network's description.</summary>
    public required MilNetworkSpec Network { get; init; }

    /// <summary>How the network was trained, which fixes how a bag's probability is computed.</summary>
    public required MilTrainingMode Mode { get; init; }

    /// <summary>Instance-level models: how instance probabilities become the patient's.</summary>
    public MilAggregation Aggregation { get; init; } = MilAggregation.Mean;

    /// <summary>The fitted classifier of <see cref="MilAggregation.Histogram"/>; null otherwise.</summary>
    public HistogramClassifier? Histogram { get; init; }

    /// <summary>Seed the model was trained with (provenance).</summary>
    public required int Seed { get; init; }

    /// <summary>Epochs trained.</summary>
    public required int Epochs { get; init; }
}
