namespace OlnmMl.Radiomics.Settings;

/// <summary>Names of the feature families a recipe can enable (the prefixes of the feature names).</summary>
public static class FeatureFamilies
{
    /// <summary>Morphology (IBSI 3.1), computed on the original image only.</summary>
    public const string Morphology = "morph";

    /// <summary>Local intensity (IBSI 3.2).</summary>
    public const string LocalIntensity = "loc";

    /// <summary>Intensity-based statistics (IBSI 3.3).</summary>
    public const string Statistics = "stat";

    /// <summary>Intensity histogram (IBSI 3.4).</summary>
    public const string Histogram = "ih";

    /// <summary>Intensity-volume histogram (IBSI 3.5).</summary>
    public const string IntensityVolumeHistogram = "ivh";

    /// <summary>Texture families (IBSI 3.6–3.11), computed by <c>OlnmMl.Radiomics.Texture</c>.</summary>
    public static IReadOnlyList<string> Texture { get; } = ["glcm", "glrlm", "glszm", "gldzm", "ngtdm", "ngldm"];

    /// <summary>Every family name.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Morphology, LocalIntensity, Statistics, Histogram, IntensityVolumeHistogram, .. Texture];
}
