using System.Globalization;
using OlnmMl.Learners.Pipelines;

namespace OlnmMl.Workflows.Study;

/// <summary>
/// Reads a wide radiomics table (first column <c>id</c>, then one column per feature, one row per case).
/// Non-numeric or empty cells are read as NaN; <see cref="StudyData"/> decides what to keep.
/// </summary>
internal static class RadiomicsTableReader
{
    public static (string[] Names, Dictionary<string, float[]> Rows) Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: radiomics table not found", path);
        }

        using var reader = new StreamReader(path);
        using var records = CsvRecords.Read(reader).GetEnumerator();
        if (!records.MoveNext())
        {
            throw new InvalidDataException($"{path}: the radiomics table is empty");
        }

        var header = records.Current.Fields;
        if (header.Length < 2 || !header[0].Equals("id", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"{path}: the first column of a radiomics table must be 'id', found '{header[0]}'");
        }

        var rows = new Dictionary<string, float[]>(StringComparer.Ordinal);
        while (records.MoveNext())
        {
            var (line, cells) = records.Current;
            if (cells.Length != header.Length)
            {
                throw new InvalidDataException($"{path}, line {line}: {cells.Length} cells, the header has {header.Length}");
            }

            var values = new float[header.Length - 1];
            for (var i = 1; i < cells.Length; i++)
            {
                values[i - 1] = float.TryParse(cells[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : float.NaN;
            }

            if (!rows.TryAdd(cells[0], values))
            {
                throw new InvalidDataException($"{path}, line {line}: case '{cells[0]}' appears twice");
            }
        }

        return (header[1..], rows);
    }
}
