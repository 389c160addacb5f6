using System.Globalization;

namespace OlnmMl.Onnx.Scoring;

/// <summary>
/// A comma-separated feature table read for scoring: a header row, one case per row, the first
/// column the case identifier unless it is one of the requested features; values are invariant-
/// culture numbers (<c>NaN</c> is read as NaN and rejected later, at scoring).
/// </summary>
internal sealed record FeatureTable(IReadOnlyList<string> CaseIds, float[] Values, int FeatureCount)
{
    /// <summary>Reads <paramref name="features"/>, in that order, from <paramref name="path"/>.</summary>
    /// <exception cref="ArgumentException">Features are missing from the header, or a cell is not a number.</exception>
    public static FeatureTable Read(string path, IReadOnlyList<string> features)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Feature table '{path}' does not exist.", path);
        }

        using var reader = new StreamReader(path);
        var header = (reader.ReadLine() ?? throw new ArgumentException($"Feature table '{path}' is empty.", nameof(path))).Split(',');
        var columnOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < header.Length; c++)
        {
            columnOf.TryAdd(header[c].Trim(), c);
        }

        var missing = features.Where(f => !columnOf.ContainsKey(f)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException(
                $"Feature table '{path}' lacks {missing.Count} of the model's {features.Count} radiomics features: {string.Join(", ", missing.Take(10))}{(missing.Count > 10 ? ", …" : "")}.",
                nameof(path));
        }

        var sources = features.Select(f => columnOf[f]).ToArray();
        var idColumn = sources.Contains(0) ? -1 : 0;
        var ids = new List<string>();
        var values = new List<float>();
        var lineNumber = 1;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split(',');
            if (cells.Length != header.Length)
            {
                throw new ArgumentException($"Feature table '{path}' line {lineNumber} has {cells.Length} cells; the header has {header.Length}.", nameof(path));
            }

            ids.Add(idColumn >= 0 ? cells[idColumn].Trim() : (ids.Count + 1).ToString(CultureInfo.InvariantCulture));
            foreach (var source in sources)
            {
                values.Add(float.TryParse(cells[source], NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
                    ? v
                    : throw new ArgumentException(
                        $"Feature table '{path}' line {lineNumber}, column '{header[source]}': '{cells[source]}' is not a number.", nameof(path)));
            }
        }

        return new FeatureTable(ids, values.ToArray(), features.Count);
    }
}
