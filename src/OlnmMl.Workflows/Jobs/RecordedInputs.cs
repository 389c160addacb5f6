using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OlnmMl.AutoML.Experiments;
using OlnmMl.Radiomics.Extraction;

namespace OlnmMl.Workflows.Jobs;

/// <summary>
/// The inputs a study's results depend on, as recorded in the study (<see cref="AutoML.Store.IStudyStore.Inputs"/>) and
/// compared on resume: the experiment definition's hash, the synthetic cohort's preset and seed, the radiomics
/// recipe's hash, and, once the data is prepared, the manifest's hash (the data fingerprint) and the radiomics
/// table (whose name carries the feature algorithm's version). The data folder is not an input: the same cohort
/// in another folder gives the same results.
/// </summary>
public static class RecordedInputs
{
    /// <summary>The inputs known from the experiment and the options alone, checked before any data is prepared.</summary>
    public static Dictionary<string, string> FromOptions(ExperimentDefinition experiment, MainJobOptions options)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(options);
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["experiment sha256"] = Sha256(ExperimentYaml.Write(experiment)),
        };
        if (MainJob.SyntheticPreset(experiment, options) is { } preset)
        {
            inputs["cohort preset"] = preset.ToString().ToLowerInvariant();
            inputs["cohort seed"] = options.CohortSeed.ToString(CultureInfo.InvariantCulture);
        }

        if (options.RadiomicsSettingsPath is { } settings)
        {
            inputs["radiomics recipe sha256"] = FeatureCache.FileHash(settings)[..16];
        }

        return inputs;
    }

    /// <summary>Every recorded input of a prepared study.</summary>
    public static Dictionary<string, string> Of(PreparedStudy prepared, MainJobOptions options)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        var inputs = FromOptions(prepared.Experiment, options);
        inputs["radiomics recipe sha256"] = FeatureCache.FileHash(prepared.RadiomicsSettingsPath)[..16];
        inputs["data fingerprint"] = FeatureCache.FileHash(prepared.ManifestPath)[..16];
        inputs["radiomics table"] = Path.GetFileName(prepared.RadiomicsTablePath);
        return inputs;
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
