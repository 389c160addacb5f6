namespace OlnmMl.Learners.Pipelines;

/// <summary>
/// A feature table's text as read by <see cref="CsvRecords"/>: the trimmed header and each record with the line it
/// starts on, checked for the shape every reader needs (a header, distinct column names, one field per column, at
/// least one row, unique ids).
/// </summary>
internal sealed class CsvTable
{
    private CsvTable(string path, string[] header, IReadOnlyList<(int Line, string[] Fields)> records)
    {
        Path = path;
        Header = header;
        Records = records;
    }

    /// <summary>The file, for messages.</summary>
    public string Path { get; }

    /// <summary>Column names, trimmed.</summary>
    public string[] Header { get; }

    /// <summary>Data records with the line each starts on.</summary>
    public IReadOnlyList<(int Line, string[] Fields)> Records { get; }

    /// <summary>Reads <paramref name="path"/>; <paramref name="idColumn"/> (empty: the first column) must exist and be unique.</summary>
    /// <exception cref="FeatureTableException">On a missing file, header or id column, a repeated column or id, a short or long row, or no rows.</exception>
    public static CsvTable Read(string path, string idColumn)
    {
        if (!File.Exists(path)) throw new FeatureTableException($"Feature table '{path}' does not exist.");
        using var reader = new StreamReader(path);
        using var records = CsvRecords.Read(reader).GetEnumerator();
        if (!records.MoveNext()) throw new FeatureTableException($"Feature table '{path}' has no header row.");
        var header = records.Current.Fields.Select(h => h.Trim()).ToArray();
        if (header.GroupBy(h => h).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
            throw new FeatureTableException($"Feature table '{path}' has the column '{duplicate.Key}' more than once.");
        var table = new CsvTable(path, header, []);
        var idIndex = idColumn.Length == 0 ? 0 : table.IndexOf(idColumn, "id");
        var rows = new List<(int Line, string[] Fields)>();
        var lineOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        while (records.MoveNext())
        {
            var (line, fields) = records.Current;
            if (fields.Length != header.Length)
                throw new FeatureTableException($"{path}: line {line} has {fields.Length} fields; the header has {header.Length}.");
            if (!lineOfId.TryAdd(fields[idIndex], line))
                throw new FeatureTableException($"{path}: line {line} repeats the id '{fields[idIndex]}' of line {lineOfId[fields[idIndex]]}.");
            rows.Add((line, fields));
        }

        if (rows.Count == 0) throw new FeatureTableException($"Feature table '{path}' has a header but no rows.");
        return new CsvTable(path, header, rows);
    }

    /// <summary>The index of column <paramref name="name"/>; <paramref name="role"/> (id, label, feature) names it in the error.</summary>
    /// <exception cref="FeatureTableException">When the table has no such column, listing the first columns it has.</exception>
    public int IndexOf(string name, string role) => Array.IndexOf(Header, name) is var i and >= 0 ? i
        : throw new FeatureTableException($"Feature table '{Path}' has no {role} column '{name}' (columns: {string.Join(", ", Header.Take(12))}{(Header.Length > 12 ? ", …" : "")}).");

    /// <summary>The values of column <paramref name="index"/>, one per record.</summary>
    public string[] Column(int index) => [.. Records.Select(r => r.Fields[index])];
}
