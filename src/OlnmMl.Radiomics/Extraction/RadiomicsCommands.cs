using OlnmMl.Radiomics.Settings;

namespace OlnmMl.Radiomics.Extraction;

/// <summary>The library entry points of <c>olnm radiomics extract</c> and <c>olnm radiomics batch</c>.</summary>
public static class RadiomicsCommands
{
    /// <summary>
    /// <c>olnm radiomics extract --image I --mask M --settings S --out features.csv [--label L]</c>: checks and
    /// extracts one case and writes the long table (<see cref="FeatureCsv"/>) atomically; on any failure the old
    /// output file is left as it was. Returns the features and warnings (print the warnings).
    /// </summary>
    /// <exception cref="OlnmUserException">Bad recipe, bad input (naming the file) or an unwritable output.</exception>
    public static FeatureSet Extract(string imagePath, string maskPath, string settingsPath, string outputPath, ExtractionOptions? options = null)
    {
        var extractor = new RadiomicsExtractor(RadiomicsSettingsYaml.Load(settingsPath), options);
        var set = extractor.Extract(imagePath, maskPath);
        FeatureCsv.Write(outputPath, set.Features);
        return set;
    }

    /// <summary>
    /// <c>olnm radiomics batch --manifest M --settings S --out table.csv [--cache DIR] [--label L] [--wait SECONDS]</c>:
    /// extracts <paramref name="cases"/> (read by the caller from the product's manifest reader) into the wide,
    /// resumable, locked table (<see cref="BatchExtraction"/>), in parallel over cases; report
    /// <paramref name="progress"/> as a progress bar. Failed cases are in the summary and in
    /// <see cref="BatchFailure.ListPath"/>.
    /// </summary>
    /// <exception cref="OlnmUserException">Bad recipe, bad case ids, a table held by another process or written by another recipe.</exception>
    public static BatchSummary Batch(
        IEnumerable<RadiomicsCase> cases,
        string settingsPath,
        string outputPath,
        string? cacheDirectory = null,
        ExtractionOptions? options = null,
        TimeSpan lockWait = default,
        IProgress<BatchProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var extractor = new RadiomicsExtractor(RadiomicsSettingsYaml.Load(settingsPath), options);
        var cache = cacheDirectory is null ? null : new FeatureCache(cacheDirectory);
        return BatchExtraction.Run(cases, extractor, outputPath, cache, -1, lockWait, progress, cancellationToken);
    }
}
