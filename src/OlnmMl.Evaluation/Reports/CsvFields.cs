using System.Text;

namespace OlnmMl.Evaluation.Reports;

/// <summary>Splits one CSV line (RFC 4180 quoting with "" escapes; a quoted field may not span lines).</summary>
internal static class CsvFields
{
    public static List<string> Split(string line, string source, int lineNumber)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',')
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
            }
            else field.Append(c);
        }

        if (quoted) throw new FormatException($"{source}, line {lineNumber}: a quoted field is not closed (fields may not span lines).");
        fields.Add(field.ToString().Trim());
        return fields;
    }
}
