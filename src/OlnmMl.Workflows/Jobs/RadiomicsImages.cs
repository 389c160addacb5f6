using OlnmMl.Imaging.Morphology;
using System.Globalization;
using System.Text;
using OlnmMl.AutoML.Experiments;
using OlnmMl.Cohorts.Manifest;
using OlnmMl.Radiomics.Extraction;
using OlnmMl.Workflows.Study;

namespace OlnmMl.Workflows.Jobs;

/// <summary>
/// Radiomics per image key: the data option <c>radiomics-images</c> (keys joined by <c>,</c>; default <c>ct</c>) names the
/// images whose tumour VOI is extracted, each with its recipe: <c>ct</c> the main recipe, another key the file named by
/// <c>radiomics-settings-KEY</c> (relative to the experiment), or for keys starting with <c>pet</c> the embedded PET recipe
/// (SUV, fixed bin width). A key <c>IMAGE-peritumoral</c> describes the shell around the tumour on image IMAGE
/// (<see cref="PeritumoralRegion.KeySuffix"/>); <c>ct-peritumoral</c> defaults to the embedded peritumoral recipe (a 3 mm shell), other
/// images need their own. Each key gets its own resumable table; with several keys they are joined into one table
/// whose columns carry the key as prefix (<c>ct_original_…</c>, <c>pet_original_…</c>). With the default (CT alone)
/// the table and its column names are unchanged.
/// </summary>
public static class RadiomicsImages
{
    /// <summary>The image a radiomics key reads: the key itself, or the image before <see cref="PeritumoralRegion.KeySuffix"/>.</summary>
    public static string ImageOf(string key) => PeritumoralRegion.ImageOf(key) ?? key;

    /// <summary>The image keys and their recipe files.</summary>
    /// <exception cref="OlnmUserException">A key has no recipe, or a named recipe file is missing.</exception>
    public static IReadOnlyList<(string Key, string SettingsPath)> Recipes(ExperimentData data, string experimentPath, string ctSettingsPath, string inputsDirectory)
    {
        var keys = data.Options.GetValueOrDefault("radiomics-images", ImageKeys.Ct)
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (keys.Length == 0 || keys.Distinct().Count() != keys.Length)
        {
            throw new OlnmUserException($"{experimentPath}: data.options.radiomics-images must name distinct image keys (e.g. ct,pet)");
        }

        return keys.Select(key =>
        {
            if (data.Options.TryGetValue($"radiomics-settings-{key}", out var named))
            {
                var path = Path.GetFullPath(named, Path.GetDirectoryName(Path.GetFullPath(experimentPath))!);
                return File.Exists(path) ? (key, path) : throw new OlnmUserException($"{experimentPath}: data.options.radiomics-settings-{key}: '{path}' does not exist");
            }

            return key == ImageKeys.Ct ? (key, ctSettingsPath)
                : key == ImageKeys.Ct + PeritumoralRegion.KeySuffix ? (key, EmbeddedDefaults.Materialise(EmbeddedDefaults.PeritumoralRadiomicsSettings, inputsDirectory))
                : ImageOf(key) == key && key.StartsWith(ImageKeys.Pet, StringComparison.Ordinal) ? (key, EmbeddedDefaults.Materialise(EmbeddedDefaults.PetRadiomicsSettings, inputsDirectory))
                : throw new OlnmUserException($"{experimentPath}: image key '{key}' in data.options.radiomics-images needs a recipe: set data.options.radiomics-settings-{key}");
        }).ToArray();
    }

    /// <summary>
    /// The table of one key: its name carries the key (except for CT), the manifest's and the recipe's hashes and the
    /// feature algorithm's version, so a regenerated cohort, an edited recipe or a changed algorithm starts a new table.
    /// </summary>
    public static string TablePath(string dataDirectory, string manifestPath, string key, string settingsPath)
    {
        var fingerprint = $"{FeatureCache.FileHash(manifestPath)[..8]}{FeatureCache.FileHash(settingsPath)[..8]}v{FeatureCache.AlgorithmVersion}";
        var recipe = Path.GetFileNameWithoutExtension(settingsPath).Replace("radiomics-", string.Empty);
        return Path.Combine(dataDirectory, key == ImageKeys.Ct ? $"radiomics-{recipe}-{fingerprint}.csv" : $"radiomics-{key}-{recipe}-{fingerprint}.csv");
    }

    /// <summary>The extraction cases of key <paramref name="key"/>: that image of every case with the case's tumour mask.</summary>
    /// <exception cref="OlnmUserException">A case lacks the image.</exception>
    public static IReadOnlyList<RadiomicsCase> Cases(IReadOnlyList<Case> cases, string key, string manifestPath) =>
        cases.Select(c => new RadiomicsCase(
            c.Id,
            c.Image(ImageOf(key)) ?? throw new OlnmUserException($"{manifestPath}: case '{c.Id}' has no image '{ImageOf(key)}', which data.options.radiomics-images asks radiomics of (key '{key}')"),
            c.MaskPath)).ToArray();

    /// <summary>
    /// Joins the per-key tables into one (columns prefixed <c>KEY_</c>, rows by case id, cases of the first table),
    /// written atomically beside the first as <c>radiomics-KEY+KEY-HASH.csv</c> (HASH over the parts' names); returns its
    /// path (an identical file already there is kept as it is). One table is returned as it is.
    /// </summary>
    /// <exception cref="OlnmUserException">A case of the first table is missing from another.</exception>
    public static string Join(IReadOnlyList<(string Key, string Table)> tables)
    {
        if (tables.Count == 1)
        {
            return tables[0].Table;
        }

        var parts = tables.Select(t => (t.Key, t.Table, Content: RadiomicsTableReader.Read(t.Table))).ToArray();
        var name = string.Join('\n', tables.Select(t => Path.GetFileName(t.Table)));
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..12];
        var path = Path.Combine(Path.GetDirectoryName(tables[0].Table)!, $"radiomics-{string.Join('+', tables.Select(t => t.Key))}-{hash}.csv");
        var text = new StringBuilder("id");
        foreach (var (key, _, (names, _)) in parts)
        {
            foreach (var feature in names)
            {
                text.Append(',').Append(key).Append('_').Append(feature);
            }
        }

        text.Append('\n');
        foreach (var id in parts[0].Content.Rows.Keys)
        {
            text.Append(id);
            foreach (var (key, table, (_, rows)) in parts)
            {
                var values = rows.TryGetValue(id, out var found) ? found : throw new OlnmUserException($"{table}: case '{id}' has no {key} radiomics row");
                foreach (var value in values)
                {
                    text.Append(',').Append(value.ToString("R", CultureInfo.InvariantCulture));
                }
            }

            text.Append('\n');
        }

        var joined = text.ToString();
        if (!File.Exists(path) || File.ReadAllText(path) != joined)
        {
            DurableFile.WriteAllText(path, joined);
        }

        return path;
    }
}
