using System.Net;
using System.Text;

namespace OlnmMl.Reporting.Tables;

/// <summary>A titled table of text cells, rendered as Markdown, CSV (RFC 4180) or HTML.</summary>
public sealed record Table(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>A GitHub-flavoured Markdown table preceded by its title in bold.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append("**").Append(Title).AppendLine("**").AppendLine();
        text.Append("| ").AppendJoin(" | ", Headers.Select(EscapeMarkdown)).AppendLine(" |");
        text.Append('|').AppendJoin('|', Headers.Select(_ => "---")).AppendLine("|");
        foreach (var row in Rows)
        {
            text.Append("| ").AppendJoin(" | ", row.Select(EscapeMarkdown)).AppendLine(" |");
        }

        return text.ToString();
    }

    /// <summary>CSV with a header row; fields holding commas, quotes or newlines are quoted.</summary>
    public string ToCsv()
    {
        var text = new StringBuilder();
        text.AppendJoin(',', Headers.Select(EscapeCsv)).Append('\n');
        foreach (var row in Rows)
        {
            text.AppendJoin(',', row.Select(EscapeCsv)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Cells longer than this many characters may wrap in HTML (<c>class="long"</c>); shorter ones, numbers with their intervals, never do.</summary>
    public const int LongCell = 40;

    /// <summary>An HTML table with a caption; every cell is HTML-encoded, those over <see cref="LongCell"/> characters marked <c>class="long"</c>.</summary>
    public string ToHtml()
    {
        var text = new StringBuilder("<table>\n<caption>").Append(WebUtility.HtmlEncode(Title)).Append("</caption>\n<thead><tr>");
        foreach (var header in Headers)
        {
            text.Append("<th>").Append(WebUtility.HtmlEncode(header)).Append("</th>");
        }

        text.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in Rows)
        {
            text.Append("<tr>");
            foreach (var cell in row)
            {
                text.Append(cell.Length > LongCell ? "<td class=\"long\">" : "<td>").Append(WebUtility.HtmlEncode(cell)).Append("</td>");
            }

            text.Append("</tr>\n");
        }

        return text.Append("</tbody>\n</table>\n").ToString();
    }

    private static string EscapeMarkdown(string cell) => cell.Replace("|", "\\|").Replace("\n", " ");

    private static string EscapeCsv(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
}
