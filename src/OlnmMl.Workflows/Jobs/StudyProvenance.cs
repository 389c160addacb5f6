using System.Globalization;
using OlnmMl.Radiomics.Extraction;

namespace OlnmMl.Workflows.Jobs;

/// <summary>
/// The provenance table of a study's report: the code that ran (olnm version, git commit, .NET), the experiment and its
/// seed, the synthetic cohort's seed when the data is synthetic, the radiomics recipe and manifest with their hashes,
/// the features kept, and the machine.
/// </summary>
public static class StudyProvenance
{
    /// <summary>The provenance items of <paramref name="prepared"/>, in the order the report prints them.</summary>
    public static Dictionary<string, string> Of(PreparedStudy prepared)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        var (experiment, study) = (prepared.Experiment, prepared.Data);
        var items = new Dictionary<string, string>
        {
            ["olnm version"] = typeof(MainJob).Assembly.GetName().Version?.ToString() ?? "?",
            ["git commit"] = SourceCommit.Current,
            [".NET"] = Environment.Version.ToString(),
            ["experiment"] = $"{experiment.Name} ({prepared.ExperimentPath}), seed {experiment.Seed}",
        };
        if (prepared.CohortSeed is { } seed)
        {
            items["synthetic cohort"] = string.Create(CultureInfo.InvariantCulture, $"{prepared.DataLabel}, seed {seed}");
        }

        items["radiomics recipe"] = $"{prepared.RadiomicsSettingsPath} (sha256 {FeatureCache.FileHash(prepared.RadiomicsSettingsPath)[..12]})";
        items["manifest"] = $"{prepared.ManifestPath} (sha256 {FeatureCache.FileHash(prepared.ManifestPath)[..12]})";
        items["radiomics features"] = $"{study.RadiomicsNames.Count} kept, {study.DroppedFeatures.Count} dropped (non-finite or constant on training); {study.ImputedValues} non-finite values outside training set to the training median";
        items["machine"] = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}";
        return items;
    }
}
