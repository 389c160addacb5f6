using OlnmMl.Cohorts.Manifest;

namespace OlnmMl.Workflows.Study;

/// <summary>
/// The cases of a study joined with their radiomics: the manifest gives cohorts, labels and image
/// paths; the radiomics table gives one vector per case. Feature columns that are non-finite in any
/// case or constant over the training cohort are dropped (they carry no information and would break
/// normalisation), and the names of the dropped columns are kept for provenance.
/// </summary>
public sealed class StudyData
{
    private StudyData(string manifestPath, IReadOnlyList<StudyCase> cases, string[] radiomicsNames, string[] dropped)
    {
        ManifestPath = manifestPath;
        Cases = cases;
        RadiomicsNames = radiomicsNames;
        DroppedFeatures = dropped;
    }

    /// <summary>The manifest read.</summary>
    public string ManifestPath { get; }

    /// <summary>All cases in manifest order.</summary>
    public IReadOnlyList<StudyCase> Cases { get; }

    /// <summary>Names of the radiomics slots kept.</summary>
    public IReadOnlyList<string> RadiomicsNames { get; }

    /// <summary>Feature columns dropped as non-finite or constant.</summary>
    public IReadOnlyList<string> DroppedFeatures { get; }

    /// <summary>Cohort names: train, validation, then tests in manifest order.</summary>
    public IReadOnlyList<string> CohortNames => Cases.Select(c => c.Cohort).Distinct().OrderBy(Order).ToArray();

    /// <summary>Cases of cohort <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No case belongs to the cohort.</exception>
    public IReadOnlyList<StudyCase> Cohort(string name)
    {
        var cases = Cases.Where(c => c.Cohort == name).ToArray();
        return cases.Length > 0
            ? cases
            : throw new ArgumentException($"{ManifestPath}: no case in cohort '{name}' (cohorts: {string.Join(", ", CohortNames)})");
    }

    /// <summary>Joins the manifest at <paramref name="manifestPath"/> with the radiomics table at <paramref name="radiomicsTablePath"/>.</summary>
    /// <exception cref="InvalidDataException">A manifest case has no radiomics row, or no usable feature remains.</exception>
    public static StudyData Load(string manifestPath, string radiomicsTablePath)
    {
        var manifest = ManifestReader.Read(manifestPath);
        var (names, rows) = RadiomicsTableReader.Read(radiomicsTablePath);
        var missing = manifest.Where(c => !rows.ContainsKey(c.Id)).Select(c => c.Id).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidDataException(
                $"{radiomicsTablePath}: no radiomics row for {missing.Length} case(s) of {manifestPath}, e.g. '{missing[0]}'");
        }

        var training = manifest.Where(c => c.Role.Kind == CohortKind.Train).Select(c => rows[c.Id]).ToArray();
        var keep = Enumerable.Range(0, names.Length)
            .Where(j => manifest.All(c => float.IsFinite(rows[c.Id][j])) && training.Select(r => r[j]).Distinct().Skip(1).Any())
            .ToArray();
        if (keep.Length == 0)
        {
            throw new InvalidDataException($"{radiomicsTablePath}: every radiomics column is non-finite or constant over the training cohort");
        }

        var cases = manifest.Select(c => new StudyCase(c, c.Role.ToString(), keep.Select(j => rows[c.Id][j]).ToArray())).ToArray();
        var dropped = Enumerable.Range(0, names.Length).Except(keep).Select(j => names[j]).ToArray();
        return new StudyData(manifestPath, cases, keep.Select(j => names[j]).ToArray(), dropped);
    }

    private static string Order(string cohort) => cohort switch
    {
        "train" => "0",
        "validation" => "1",
        _ => "2" + cohort,
    };
}
