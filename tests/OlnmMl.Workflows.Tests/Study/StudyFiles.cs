using System.Globalization;
using System.Text;

namespace OlnmMl.Workflows.Tests.Study;

/// <summary>
/// A small study on disk: a CSV manifest (train, validation, test-h5) and a wide radiomics table
/// whose first feature carries the label signal and the others are noise, all from one seed. Each cohort is one
/// centre (1, 2, 5) unless <c>centre</c> maps (cohort, index in cohort) to another; with <c>age</c>, the manifest has
/// that clinical column too.
/// </summary>
internal sealed class StudyFiles : IDisposable
{
    public StudyFiles(int casesPerCohort = 24, int features = 6, int seed = 7, Func<string, int, string>? centre = null, Func<string, int, double>? age = null)
    {
        Folder = Directory.CreateTempSubdirectory("olnm-study-").FullName;
        var random = new Random(seed);
        var manifest = new StringBuilder(age is null ? "id,centre,cohort,label,image,mask\n" : "id,centre,cohort,label,image,mask,age\n");
        Features = Enumerable.Range(0, features).Select(j => $"original_f{j}").ToArray();
        Rows = [];
        foreach (var (cohort, site) in new[] { ("train", "1"), ("validation", "2"), ("test-h5", "5") })
        {
            for (var i = 0; i < casesPerCohort; i++)
            {
                var id = $"{cohort}-{i:D2}";
                var label = i % 2;
                manifest.Append(CultureInfo.InvariantCulture, $"{id},{centre?.Invoke(cohort, i) ?? site},{cohort},{label},{id}.nii.gz,{id}_mask.nii.gz")
                    .Append(age is null ? "\n" : string.Create(CultureInfo.InvariantCulture, $",{age(cohort, i)}\n"));
                Rows[id] = Enumerable.Range(0, features)
                    .Select(j => (j == 0 ? 1.5 * label : 0) + random.NextDouble())
                    .Select(v => v.ToString("R", CultureInfo.InvariantCulture)).ToArray();
            }
        }

        ManifestPath = Path.Combine(Folder, "manifest.csv");
        File.WriteAllText(ManifestPath, manifest.ToString());
        TablePath = Path.Combine(Folder, "radiomics.csv");
        WriteTable();
    }

    public string Folder { get; }

    public string ManifestPath { get; }

    public string TablePath { get; }

    public string[] Features { get; }

    /// <summary>Cells of the radiomics table by case id (one string per feature); edit, then <see cref="WriteTable"/>.</summary>
    public Dictionary<string, string[]> Rows { get; }

    public void WriteTable()
    {
        var table = new StringBuilder("id," + string.Join(',', Features) + "\n");
        foreach (var (id, cells) in Rows)
        {
            table.Append(id).Append(',').AppendJoin(',', cells).Append('\n');
        }

        File.WriteAllText(TablePath, table.ToString());
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
