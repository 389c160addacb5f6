using OlnmMl.Radiomics.Settings;

namespace OlnmMl.Radiomics.MLNet;

/// <summary>Options of <see cref="RadiomicsEstimator"/>.</summary>
public sealed record RadiomicsOptions
{
    /// <summary>The extraction recipe.</summary>
    public required RadiomicsSettings Settings { get; init; }

    /// <summary>Text column holding image paths.</summary>
    public string ImageColumnName { get; init; } = "ImagePath";

    /// <summary>Text column holding mask paths.</summary>
    public string MaskColumnName { get; init; } = "MaskPath";

    /// <summary>Output float vector column; its slot names are the feature names.</summary>
    public string OutputColumnName { get; init; } = "Radiomics";

    /// <summary>Folder of the on-disk extraction cache, or null for none.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Cases extracted at once (−1: one per core).</summary>
    public int MaxParallelism { get; init; } = -1;
}
