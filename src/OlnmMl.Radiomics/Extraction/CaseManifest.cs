namespace OlnmMl.Radiomics.Extraction;

/// <summary>
/// Reads the simple batch manifest: a comma-separated file with a header holding at least the columns
/// <c>id</c>, <c>image</c> and <c>mask</c> (any order, other columns ignored, no quoted commas). Relative
/// paths are resolved against the manifest's folder.
/// </summary>
public static class CaseManifest
{
    /// <summary>The cases of the manifest at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">A required column is missing, a row is short or an id repeats (the message names file and line).</exception>
    public static IReadOnlyList<RadiomicsCase> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Manifest '{path}' does not exist.", path);
        }

        var lines = File.ReadAllLines(path);
        if (lines.Length == 0)
        {
            throw new InvalidDataException($"Manifest '{path}' is empty; expected a header with id,image,mask.");
        }

        var header = lines[0].Split(',').Select(h => h.Trim().ToLowerInvariant()).ToList();
        int Column(string name) => header.IndexOf(name) is var i and >= 0
            ? i
            : throw new InvalidDataException($"Manifest '{path}' has no '{name}' column (header: {lines[0]}).");
        var (id, image, mask) = (Column("id"), Column("image"), Column("mask"));
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var cases = new List<RadiomicsCase>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var n = 1; n < lines.Length; n++)
        {
            if (string.IsNullOrWhiteSpace(lines[n]))
            {
                continue;
            }

            var fields = lines[n].Split(',');
            if (fields.Length <= Math.Max(id, Math.Max(image, mask)))
            {
                throw new InvalidDataException($"Manifest '{path}' line {n + 1} has {fields.Length} fields; the header has {header.Count}.");
            }

            var caseId = fields[id].Trim();
            if (!seen.Add(caseId))
            {
                throw new InvalidDataException($"Manifest '{path}' line {n + 1}: case id '{caseId}' appears twice.");
            }

            cases.Add(new RadiomicsCase(caseId, Path.Combine(folder, fields[image].Trim()), Path.Combine(folder, fields[mask].Trim())));
        }

        return cases;
    }
}
