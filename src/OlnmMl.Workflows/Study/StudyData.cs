using OlnmMl.Cohorts.Manifest;

namespace OlnmMl.Workflows.Study;

/// <summary>
/// The cases of a study joined with their radiomics: the manifest gives cohorts, labels and image
/// paths; the radiomics table gives one vector per case. Every data-dependent decision here sees the
/// training cohort only: a feature column is kept when it is finite in every training case and not
/// constant over them; a non-finite value of a kept column in any other cohort is replaced by that
/// column's training median (counted in <see cref="ImputedValues"/>), so changing a validation or
/// external case never changes the feature set or the fitted model.
/// </summary>
public sealed class StudyData
{
    private StudyData(string manifestPath, IReadOnlyList<StudyCase> cases, string[] radiomicsNames, string[] dropped, int imputed)
    {
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

        var keep = Enumerable.Range(0, names.Length).Where(j => IsUsableOnTraining(training, j)).ToArray();
        if (keep.Length == 0)
        {
            throw new InvalidDataException($"{radiomicsTablePath}: every radiomics column is non-finite or constant over the training cohort");
        }

        var medians = keep.Select(j => Median(training, j)).ToArray();
        var imputed = 0;
        var cases = manifest.Select(c =>
        {
            var row = rows[c.Id];
            var vector = new float[keep.Length];
            for (var k = 0; k < keep.Length; k++)
            {
                var value = row[keep[k]];
                if (!float.IsFinite(value))
                {
                    value = medians[k];
                    imputed++;
                }

                vector[k] = value;
            }

            return new StudyCase(c, c.Role.ToString(), vector);
        }).ToArray();
        var dropped = Enumerable.Range(0, names.Length).Except(keep).Select(j => names[j]).ToArray();
        return new StudyData(manifestPath, cases, keep.Select(j => names[j]).ToArray(), dropped, imputed);
    }

    private static bool IsUsableOnTraining(float[][] training, int column)
    {
        var first = training[0][column];
        var varies = false;
        foreach (var row in training)
        {
            var value = row[column];
            if (!float.IsFinite(value))
            {
                return false;
            }

            varies |= value != first;
        }

        return varies;
    }

    private static float Median(float[][] training, int column)
    {
        var values = training.Select(r => r[column]).Order().ToArray();
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static string Order(string cohort) => cohort switch
    {
        "train" => "0",
        "validation" => "1",
        _ => "2" + cohort,
    };
}
