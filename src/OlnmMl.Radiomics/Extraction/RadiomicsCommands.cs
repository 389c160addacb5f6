using OlnmMl.Radiomics.Settings;

namespace OlnmMl.Radiomics.Extraction;

/// <summary>The library entry points of <c>olnm radiomics extract</c> and <c>olnm radiomics batch</c>.</summary>
public static class RadiomicsCommands
{
    /// <summary>
    /// <c>olnm radiomics extract --image I --mask M --settings S --out features.csv</c>: extracts one case and
    /// writes the long table (<see cref="FeatureCsv"/>). Returns the features and warnings (print the warnings).
    /// </summary>
    public static FeatureSet Extract(string imagePath, string maskPath, string settingsPath, string outputPath)
    {
        var extractor = new RadiomicsExtractor(RadiomicsSettingsYaml.Load(settingsPath));
        var set = extractor.Extract(imagePath, maskPath);
        FeatureCsv.Write(outputPath, set.Features);
        return set;
    }

    /// <summary>
    /// <c>olnm radiomics batch --manifest M --settings S --out table.csv [--cache DIR]</c>: extracts every case of
    /// the manifest (<see cref="CaseManifest"/>) into the wide, resumable table (<see cref="BatchExtraction"/>),
    /// in parallel over cases; report <paramref name="progress"/> as a progress bar.
    /// </summary>
    public static BatchSummary Batch(
        string manifestPath,
        string settingsPath,
        string outputPath,
        string? cacheDirectory = null,
        IProgress<BatchProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        Batch(CaseManifest.Read(manifestPath), settingsPath, outputPath, cacheDirectory, progress, cancellationToken);

    /// <summary>As <see cref="Batch(string, string, string, string?, IProgress{BatchProgress}?, CancellationToken)"/> with cases from any manifest reader.</summary>
    public static BatchSummary Batch(
        IEnumerable<RadiomicsCase> cases,
        string settingsPath,
        string outputPath,
        string? cacheDirectory = null,
        IProgress<BatchProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var extractor = new RadiomicsExtractor(RadiomicsSettingsYaml.Load(settingsPath));
        var cache = cacheDirectory is null ? null : new FeatureCache(cacheDirectory);
        return BatchExtraction.Run(cases, extractor, outputPath, cache, -1, progress, cancellationToken);
    }
}
