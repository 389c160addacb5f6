using System.Text;
using OlnmMl.Radiomics.PyRadiomics;
using OlnmMl.Radiomics.Settings;

namespace OlnmMl.Radiomics.Extraction;

/// <summary>The library entry points of <c>olnm radiomics extract</c> and <c>olnm radiomics batch</c>.</summary>
public static class RadiomicsCommands
{
    /// <summary>
    /// <c>olnm radiomics extract --image I --mask M --settings S --out features.csv [--label L] [--names ibsi|pyradiomics]</c>:
    /// checks and extracts one case and writes the long table (<see cref="FeatureCsv"/>) atomically; on any failure the old
    /// output file is left as it was. <paramref name="names"/>, when given, overrides the recipe's naming. Returns the
    /// features and warnings (print the warnings).
    /// </summary>
    /// <exception cref="OlnmUserException">Bad recipe, bad input (naming the file) or an unwritable output.</exception>
    public static FeatureSet Extract(string imagePath, string maskPath, string settingsPath, string outputPath, ExtractionOptions? options = null, FeatureNaming? names = null)
    {
        var extractor = new RadiomicsExtractor(LoadSettings(settingsPath, names), options);
        var set = extractor.Extract(imagePath, maskPath);
        FeatureCsv.Write(outputPath, set.Features);
        return set;
    }

    /// <summary>
    /// <c>olnm radiomics batch --manifest M --settings S --out table.csv [--shard i/n] [--cache DIR] [--label L] [--names ibsi|pyradiomics] [--wait SECONDS]</c>:
    /// extracts <paramref name="cases"/> (read by the caller from the product's manifest reader) into the wide,
    /// resumable, locked table (<see cref="BatchExtraction"/>), in parallel over cases; report
    /// <paramref name="progress"/> as a progress bar. With <paramref name="shard"/>, only that shard's cases, into the
    /// shard's table (<see cref="BatchShard"/>; <see cref="Merge"/> combines the shards). Failed cases are in the
    /// summary and in <see cref="BatchFailure.ListPath"/> of the table written.
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
        CancellationToken cancellationToken = default,
        BatchShard? shard = null,
        FeatureNaming? names = null)
    {
        var extractor = new RadiomicsExtractor(LoadSettings(settingsPath, names), options);
        var cache = cacheDirectory is null ? null : new FeatureCache(cacheDirectory);
        var all = cases.ToArray();
        var selected = shard?.Select(all, c => c.Id) ?? all;
        return BatchExtraction.Run(selected, extractor, BatchShard.TableFor(shard, outputPath), cache, -1, lockWait, progress, cancellationToken);
    }

    /// <summary>
    /// <c>olnm radiomics settings import params.yaml --out recipe.yaml</c>: converts a PyRadiomics parameter file
    /// (<see cref="PyRadiomicsParams"/>) and writes the recipe atomically, its header naming the PyRadiomics defaults taken
    /// and the items without an exact equivalent. Returns the conversion (print its notes, one line each).
    /// </summary>
    /// <exception cref="OlnmUserException">A missing or bad parameter file (naming the file and key) or an unwritable output.</exception>
    public static PyRadiomicsImport ImportSettings(string parameterPath, string outputPath)
    {
        var import = PyRadiomicsParams.Load(parameterPath);
        var yaml = Encoding.UTF8.GetBytes(import.ToRecipeYaml(parameterPath));
        DurableFile.Write(outputPath, stream => stream.Write(yaml));
        return import;
    }

    /// <summary>
    /// The notes of <paramref name="settingsPath"/> when it is a PyRadiomics parameter file (the items without an exact
    /// equivalent, <see cref="PyRadiomicsImport.Notes"/>), for <c>extract</c> and <c>batch</c> to print; empty for a recipe.
    /// </summary>
    /// <exception cref="OlnmUserException">A missing or bad parameter file.</exception>
    public static IReadOnlyList<string> SettingsNotes(string settingsPath) =>
        File.Exists(settingsPath) && PyRadiomicsParams.IsParameterFile(File.ReadAllText(settingsPath)) ? PyRadiomicsParams.Load(settingsPath).Notes : [];

    /// <summary>
    /// <c>olnm radiomics merge --manifest M --out table.csv --shards n</c>: combines the n shard tables of
    /// <paramref name="outputPath"/> into it after checking that they hold every case of <paramref name="caseIds"/>
    /// exactly once under one recipe (<see cref="ShardMerge"/>).
    /// </summary>
    /// <exception cref="OlnmUserException">Missing cases, a conflicting shard file, or a table in use (see <see cref="ShardMerge.Run"/>).</exception>
    public static MergeSummary Merge(IReadOnlyList<string> caseIds, string outputPath, int shardCount) =>
        ShardMerge.Run(caseIds, outputPath, shardCount);

    private static RadiomicsSettings LoadSettings(string path, FeatureNaming? names)
    {
        var settings = RadiomicsSettingsYaml.Load(path);
        return names is { } naming ? settings with { Names = naming } : settings;
    }
}
