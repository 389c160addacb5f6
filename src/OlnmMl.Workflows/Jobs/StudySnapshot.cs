using System.Text.Json;
using OlnmMl.AutoML.Experiments;
using OlnmMl.Cohorts.Synthetic;
using OlnmMl.Workflows.Study;

namespace OlnmMl.Workflows.Jobs;

/// <summary>
/// What a study's report needs from its cohort, kept in the study's artefacts (<c>ARTEFACTS/cohort/</c>) whenever the job
/// runs the study, so <c>olnm report</c> redraws from the study alone, without regenerating the cohort or extracting
/// radiomics: byte copies of the manifest (case ids, centres, cohort roles, targets and clinical variables — Table 1 and
/// the combined signature; its image paths are never opened), the synthetic truth file beside it when there is one (the
/// leaderboard's oracle), the joined radiomics table and the radiomics recipe (the provenance and its hashes), and
/// <c>cohort.json</c> (file names, data label, cohort seed), written last. Every file is written to a temporary name and
/// renamed.
/// </summary>
public static class StudySnapshot
{
    /// <summary>The folder under the study's artefact root.</summary>
    public const string Folder = "cohort";

    private const string IndexFile = "cohort.json";

    /// <summary>Copies <paramref name="prepared"/>'s cohort files into <paramref name="artefactRoot"/>/<see cref="Folder"/>.</summary>
    public static void Write(PreparedStudy prepared, string artefactRoot)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        var folder = Path.Combine(artefactRoot, Folder);
        var truth = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(prepared.ManifestPath))!, SyntheticTruth.FileName);
        foreach (var file in new[] { prepared.ManifestPath, prepared.RadiomicsTablePath, prepared.RadiomicsSettingsPath, truth }.Where(File.Exists))
        {
            DurableFile.Write(Path.Combine(folder, Path.GetFileName(file)), target =>
            {
                using var source = File.OpenRead(file);
                source.CopyTo(target);
            });
        }

        var index = new Index(
            Path.GetFileName(prepared.ManifestPath), Path.GetFileName(prepared.RadiomicsTablePath), Path.GetFileName(prepared.RadiomicsSettingsPath),
            prepared.DataLabel, prepared.CohortSeed);
        DurableFile.WriteAllText(Path.Combine(folder, IndexFile), JsonSerializer.Serialize(index));
    }

    /// <summary>
    /// The prepared study read back from <paramref name="artefactRoot"/>/<see cref="Folder"/>, or null when the study was run
    /// by a version that kept no snapshot. Crops and slice bags are never read by a report: their caches point into the snapshot
    /// folder and stay empty.
    /// </summary>
    public static PreparedStudy? TryRead(ExperimentDefinition experiment, string experimentPath, string artefactRoot)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var folder = Path.Combine(artefactRoot, Folder);
        var indexPath = Path.Combine(folder, IndexFile);
        if (!File.Exists(indexPath))
        {
            return null;
        }

        var index = JsonSerializer.Deserialize<Index>(File.ReadAllText(indexPath))
            ?? throw new InvalidDataException($"{indexPath}: not a cohort snapshot index");
        var (manifest, table) = (Path.Combine(folder, index.Manifest), Path.Combine(folder, index.RadiomicsTable));
        return new PreparedStudy(
            experiment, experimentPath, Path.Combine(folder, index.RadiomicsSettings), manifest, index.DataLabel, table,
            StudyData.Load(manifest, table),
            new StudyImages(Path.Combine(folder, "crops"), ImageRecipeOptions.Of(experiment.Data, experimentPath)),
            new StudyBags(Path.Combine(folder, "bags"), SliceBagRecipeOptions.Of(experiment.Data, experimentPath)),
            index.CohortSeed);
    }

    private sealed record Index(string Manifest, string RadiomicsTable, string RadiomicsSettings, string DataLabel, ulong? CohortSeed);
}
