using Microsoft.ML.Data;

namespace OlnmMl.Torch.DeepFeatures;

/// <summary>Input row of the deep-feature mapper (columns renamed at run time).</summary>
public sealed class CasePathsRow
{
    /// <summary>CT path.</summary>
    public string ImagePath { get; set; } = "";

    /// <summary>Mask path.</summary>
    public string MaskPath { get; set; } = "";

    /// <summary>PET path (read only when a PET column is configured).</summary>
    public string PetPath { get; set; } = "";
}

/// <summary>Output row of the deep-feature mapper.</summary>
public sealed class DeepFeaturesRow
{
    /// <summary>The pooled encoder features.</summary>
    public float[] Features { get; set; } = [];
}
