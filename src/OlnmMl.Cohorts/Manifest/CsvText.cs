using System.Text;

namespace OlnmMl.Cohorts.Manifest;

/// <summary>RFC 4180 CSV: comma-separated fields, double-quoted when they hold a comma, quote or newline.</summary>
internal static class CsvText
{
    /// <summary>Splits <paramref name="text"/> into rows of fields; an unterminated quote is an error naming <paramref name="path"/>.</summary>
    public static List<string[]> Parse(string text, string path)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var row = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                inQuotes = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                rows.Add([.. fields]);
                fields.Clear();
                row++;
            }
            else
            {
                field.Append(c);
            }
        }

        if (inQuotes)
        {
            throw new ManifestFormatException(path, $"row {row}", "unterminated quoted field");
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            rows.Add([.. fields]);
        }

        return rows;
    }

    /// <summary>The field, quoted when needed.</summary>
    public static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? $"\"{field.Replace("\"", "\"\"")}\"" : field;
}
