using OlnmMl.Cohorts.Manifest;

namespace OlnmMl.Workflows.Study;

/// <summary>
/// The cases of a study joined with their radiomics: the manifest gives cohorts, labels and image
/// paths; the radiomics table gives one vector per case. Every data-dependent decision here sees the
/// training cohort only: a feature column is kept when it is finite in every training case and not
/// constant over them; a non-finite value of a kept column in any other cohort is replaced by that
/// column's training median (counted in <see cref="ImputedValues"/>), so changing a validation or
/// external case never changes the feature set or the fitted model (<see cref="RadiomicsColumns"/>). The extracted
/// rows are kept (<see cref="Extracted"/>) so that a leave-one-centre-out fold can refit that choice on its own
/// training centres.
/// </summary>
public sealed class StudyData
{
    private readonly IReadOnlyDictionary<string, float[]> _extracted;

    private StudyData(
        string manifestPath, IReadOnlyList<StudyCase> cases, string[] radiomicsNames, string[] dropped, int imputed,
        string[] extractedNames, IReadOnlyDictionary<string, float[]> extracted)
    {
        ExtractedNames = extractedNames;
        _extracted = extracted;
        ManifestPath = manifestPath;
        Cases = cases;
        RadiomicsNames = radiomicsNames;
        DroppedFeatures = dropped;
        ImputedValues = imputed;
    }

    /// <summary>The manifest read.</summary>
    public string ManifestPath { get; }

    /// <summary>All cases in manifest order.</summary>
    public IReadOnlyList<StudyCase> Cases { get; }

    /// <summary>Names of the radiomics slots kept.</summary>
    public IReadOnlyList<string> RadiomicsNames { get; }

    /// <summary>Every column of the radiomics table, in table order (before the training cohort's choice).</summary>
    public IReadOnlyList<string> ExtractedNames { get; }

    /// <summary>The case's full radiomics row as extracted (<see cref="ExtractedNames"/> order, non-finite values kept), for a choice of columns fitted elsewhere than on the training cohort.</summary>
    public float[] Extracted(StudyCase studyCase) => _extracted[studyCase.Case.Id];

    /// <summary>Feature columns dropped as non-finite or constant over the training cohort.</summary>
    public IReadOnlyList<string> DroppedFeatures { get; }

    /// <summary>Non-finite values of kept columns in non-training cases, replaced by the column's training median.</summary>
    public int ImputedValues { get; }

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
        if (training.Length == 0)
        {
            throw new InvalidDataException($"{manifestPath}: no case in the training cohort, so no feature can be chosen");
        }

        var columns = RadiomicsColumns.Fit(training);
        if (columns.Kept.Count == 0)
        {
            throw new InvalidDataException($"{radiomicsTablePath}: every radiomics column is non-finite or constant over the training cohort");
        }

        var imputed = 0;
        var cases = manifest.Select(c => new StudyCase(c, c.Role.ToString(), columns.Apply(rows[c.Id], ref imputed))).ToArray();
        var dropped = Enumerable.Range(0, names.Length).Except(columns.Kept).Select(j => names[j]).ToArray();
        var raw = manifest.ToDictionary(c => c.Id, c => rows[c.Id], StringComparer.Ordinal);
        return new StudyData(manifestPath, cases, columns.Kept.Select(j => names[j]).ToArray(), dropped, imputed, names, raw);
    }

    private static string Order(string cohort) => cohort switch
    {
        "train" => "0",
        "validation" => "1",
        _ => "2" + cohort,
    };
}
