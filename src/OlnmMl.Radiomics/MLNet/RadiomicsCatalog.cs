using Microsoft.ML;
using OlnmMl.Radiomics.Settings;

namespace OlnmMl.Radiomics.MLNet;

/// <summary><c>mlContext.Transforms.Radiomics(...)</c>.</summary>
public static class RadiomicsCatalog
{
    /// <summary>Radiomics from the recipe file <paramref name="settingsPath"/> on the image/mask path columns.</summary>
    public static RadiomicsEstimator Radiomics(
        this TransformsCatalog catalog,
        string settingsPath,
        string imageColumnName = "ImagePath",
        string maskColumnName = "MaskPath",
        string outputColumnName = "Radiomics",
        string? cacheDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new RadiomicsEstimator(new RadiomicsOptions
        {
            Settings = RadiomicsSettingsYaml.Load(settingsPath),
            ImageColumnName = imageColumnName,
            MaskColumnName = maskColumnName,
            OutputColumnName = outputColumnName,
            CacheDirectory = cacheDirectory,
        });
    }

    /// <summary>Radiomics with full <see cref="RadiomicsOptions"/>.</summary>
    public static RadiomicsEstimator Radiomics(this TransformsCatalog catalog, RadiomicsOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new RadiomicsEstimator(options);
    }
}
