using System.Text;

namespace OlnmMl.Cohorts.Manifest;

/// <summary>
/// The CSV manifest: a header row, then one case per row. Columns
/// <c>id,centre,cohort,label</c>, further binary targets <c>label_&lt;name&gt;</c> (e.g. <c>label_n1</c>, <c>label_n2</c>),
/// named images <c>image_&lt;key&gt;</c> (<c>image</c>/<c>image_ct</c> and <c>mask</c>/<c>image_mask</c> required; <c>pet</c> = <c>image_pet</c>),
/// follow-up <c>time,event</c>, the clinical columns
/// <c>age,sex,max_diameter_cm,density,location,contrast_enhanced</c> (all optional) and any further columns,
/// which land in <see cref="ClinicalVariables.Extra"/> (empty cells are left out). RFC 4180 quoting; paths relative to the CSV's folder.
/// </summary>
public static class CsvManifest
{
    private static readonly string[] Required = ["id", "cohort", "label"];

    /// <summary>Reads every case of the CSV at <paramref name="path"/>.</summary>
    /// <exception cref="ManifestFormatException">Missing file, missing column, or a row that does not parse (named by row number, 1 = header).</exception>
    public static IReadOnlyList<Case> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new ManifestFormatException(path, null, "file not found");
        }

        var rows = CsvText.Parse(File.ReadAllText(path), path);
        if (rows.Count == 0)
        {
            throw new ManifestFormatException(path, null, "empty file (a header row is required)");
        }

        var header = rows[0].Select(h => h.Trim().ToLowerInvariant()).ToArray();
        foreach (var column in Required)
        {
            if (!header.Contains(column))
            {
                throw new ManifestFormatException(path, "row 1 (header)", $"required column '{column}' is missing");
            }
        }

        foreach (var key in new[] { ImageKeys.Ct, ImageKeys.Mask })
        {
            var columns = header.Where(h => ManifestFields.ImageKey(h) == key).ToArray();
            if (columns.Length != 1)
            {
                var problem = columns.Length == 0
                    ? $"required column '{ManifestFields.ImageColumn(key)}' (or 'image_{key}') is missing"
                    : $"image '{key}' has two columns ({string.Join(", ", columns)})";
                throw new ManifestFormatException(path, "row 1 (header)", problem);
            }
        }

        var cases = new List<Case>(rows.Count - 1);
        for (var r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            if (row.Length == 1 && row[0].Length == 0)
            {
                continue; // blank line
            }

            if (row.Length != header.Length)
            {
                throw new ManifestFormatException(path, $"row {r + 1}", $"{row.Length} fields, the header has {header.Length}");
            }

            var fields = new Dictionary<string, string>(header.Length);
            for (var c = 0; c < header.Length; c++)
            {
                fields[header[c]] = row[c];
            }

            cases.Add(CaseBuilder.Build(path, $"row {r + 1}", fields, null, null));
        }

        return cases;
    }

    /// <summary>Writes <paramref name="cases"/> to <paramref name="path"/> (atomically), paths relative to its folder.</summary>
    public static void Write(IEnumerable<Case> cases, string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var rows = cases.Select(c => CaseBuilder.ToFields(c, folder)).ToList();
        // Columns in the order the cases list them (identity, targets, images, follow-up, clinical), then extras by name.
        var structural = rows.SelectMany(r => r.Select(p => p.Key)).Where(ManifestFields.IsStructural).Distinct().ToList();
        var extras = rows.SelectMany(r => r.Select(p => p.Key)).Where(k => !ManifestFields.IsStructural(k))
            .Distinct().Order(StringComparer.Ordinal);
        var columns = structural.Concat(extras).ToList();
        var text = new StringBuilder();
        text.AppendJoin(',', columns.Select(CsvText.Quote)).Append('\n');
        foreach (var row in rows)
        {
            var byName = row.ToDictionary(p => p.Key, p => p.Value);
            text.AppendJoin(',', columns.Select(c => CsvText.Quote(byName.GetValueOrDefault(c, string.Empty)))).Append('\n');
        }

        DurableFile.WriteAllText(path, text.ToString());
    }
}
