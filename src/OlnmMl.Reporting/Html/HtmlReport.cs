using System.Net;
using System.Text;
using OlnmMl.Reporting.Figures;
using OlnmMl.Reporting.Tables;
using ScottPlot;

namespace OlnmMl.Reporting.Html;

/// <summary>
/// A self-contained report: one HTML file with every figure embedded (PNG as a data URI), no
/// external assets, plus the same content as Markdown with figures written beside it. Build it
/// section by section, then <see cref="Write"/>.
/// </summary>
public sealed class HtmlReport(string title)
{
    private readonly List<(string Heading, List<Block> Blocks)> _sections = [];

    /// <summary>The report title.</summary>
    public string Title { get; } = title;

    /// <summary>Section headings in order.</summary>
    public IEnumerable<string> Sections => _sections.Select(s => s.Heading);

    /// <summary>Starts a new section; later blocks go into it.</summary>
    public HtmlReport Section(string heading)
    {
        _sections.Add((heading, []));
        return this;
    }

    /// <summary>Adds a paragraph of plain text.</summary>
    public HtmlReport Paragraph(string text) => Add(new Block.Text(text));

    /// <summary>Adds a paragraph holding one link, e.g. to a raw CSV beside the report.</summary>
    /// <param name="text">The link's text.</param>
    /// <param name="target">The address, relative to the report's folder.</param>
    public HtmlReport Link(string text, string target) => Add(new Block.Link(text, target));

    /// <summary>Adds a table.</summary>
    public HtmlReport Add(Table table) => Add(new Block.TableBlock(table, Sortable: false));

    /// <summary>
    /// Adds a table whose columns sort on a click on their header (<see cref="SortScript"/>, inline, no external assets);
    /// the Markdown and CSV are as <see cref="Add(Table)"/> writes them.
    /// </summary>
    public HtmlReport Sortable(Table table) => Add(new Block.TableBlock(table, Sortable: true));

    /// <summary>
    /// Adds a figure of <paramref name="width"/>×<paramref name="height"/> CSS pixels, shown at that size in the HTML from its
    /// <see cref="FigureFile.Dpi"/> PNG; <paramref name="name"/> becomes its file name (PNG and SVG).
    /// </summary>
    public HtmlReport Figure(string name, string caption, Multiplot figure, int width, int height) =>
        Add(new Block.FigureBlock(name, caption, FigureFile.ToPng(figure, width, height), FigureFile.ToSvg(figure, width, height), width, height));

    /// <summary>Adds key–value provenance lines (versions, seeds, settings, data hashes).</summary>
    public HtmlReport Provenance(IReadOnlyDictionary<string, string> items) =>
        Add(new Block.TableBlock(new Table("Provenance", ["item", "value"], items.Select(kv => (IReadOnlyList<string>)[kv.Key, kv.Value]).ToList())));

    /// <summary>
    /// Writes report.html, report.md, each table as CSV and each figure as PNG and SVG into
    /// <paramref name="directory"/>; returns the HTML path.
    /// </summary>
    public string Write(string directory)
    {
        Directory.CreateDirectory(directory);
        var markdown = new StringBuilder().Append("# ").AppendLine(Title).AppendLine();
        var tableIndex = 0;
        foreach (var (heading, blocks) in _sections)
        {
            markdown.Append("## ").AppendLine(heading).AppendLine();
            foreach (var block in blocks)
            {
                switch (block)
                {
                    case Block.Text text:
                        markdown.AppendLine(text.Content).AppendLine();
                        break;
                    case Block.Link link:
                        markdown.Append('[').Append(link.Caption).Append("](").Append(link.Target).AppendLine(")").AppendLine();
                        break;
                    case Block.TableBlock table:
                        var csvName = $"table{++tableIndex}-{Slug(table.Table.Title)}.csv";
                        WriteText(Path.Combine(directory, csvName), table.Table.ToCsv());
                        markdown.Append(table.Table.ToMarkdown()).AppendLine().Append("[CSV](").Append(csvName).AppendLine(")").AppendLine();
                        break;
                    case Block.FigureBlock figure:
                        DurableFile.WriteAllBytes(Path.Combine(directory, figure.Name + ".png"), figure.Png);
                        WriteText(Path.Combine(directory, figure.Name + ".svg"), figure.Svg);
                        markdown.Append("![").Append(figure.Caption).Append("](").Append(figure.Name).AppendLine(".png)").AppendLine();
                        markdown.Append("*Figure: ").Append(figure.Caption).AppendLine("*").AppendLine();
                        break;
                }
            }
        }

        var htmlPath = Path.Combine(directory, "report.html");
        WriteText(htmlPath, Html());
        WriteText(Path.Combine(directory, "report.md"), markdown.ToString());
        return htmlPath;
    }

    /// <summary>The HTML document, figures as 300-dpi PNG data URIs, each <c>img</c> naming its figure (<c>data-figure</c>) for <see cref="ReportPdf"/>.</summary>
    private string Html()
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(WebUtility.HtmlEncode(Title)).Append("</title>\n<style>").Append(Css).Append("</style>\n</head>\n<body>\n<h1>")
            .Append(WebUtility.HtmlEncode(Title)).Append("</h1>\n");
        var sortable = false;
        foreach (var (heading, blocks) in _sections)
        {
            html.Append("<section>\n<h2>").Append(WebUtility.HtmlEncode(heading)).Append("</h2>\n");
            foreach (var block in blocks)
            {
                switch (block)
                {
                    case Block.Text text:
                        html.Append("<p>").Append(WebUtility.HtmlEncode(text.Content)).Append("</p>\n");
                        break;
                    case Block.Link link:
                        html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(link.Target)).Append("\">").Append(WebUtility.HtmlEncode(link.Caption)).Append("</a></p>\n");
                        break;
                    case Block.TableBlock table:
                        sortable |= table.Sortable;
                        var rendered = table.Table.ToHtml();
                        html.Append("<div class=\"scroll\">").Append(table.Sortable ? rendered.Replace("<table>", "<table class=\"sortable\">", StringComparison.Ordinal) : rendered).Append("</div>\n");
                        break;
                    case Block.FigureBlock figure:
                        html.Append("<figure><img data-figure=\"").Append(WebUtility.HtmlEncode(figure.Name)).Append("\" width=\"").Append(figure.Width)
                            .Append("\" height=\"").Append(figure.Height).Append("\" alt=\"").Append(WebUtility.HtmlEncode(figure.Caption))
                            .Append("\" src=\"data:image/png;base64,").Append(Convert.ToBase64String(figure.Png))
                            .Append("\"><figcaption>").Append(WebUtility.HtmlEncode(figure.Caption)).Append("</figcaption></figure>\n");
                        break;
                }
            }

            html.Append("</section>\n");
        }

        if (sortable)
        {
            html.Append("<script>").Append(SortScript).Append("</script>\n");
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    private HtmlReport Add(Block block)
    {
        if (_sections.Count == 0)
        {
            throw new InvalidOperationException("Call Section(...) before adding content.");
        }

        _sections[^1].Blocks.Add(block);
        return this;
    }

    private static void WriteText(string path, string content) => DurableFile.WriteAllText(path, content);

    /// <summary>The longest title part of a table's CSV name: with <c>tableN-</c>, <c>.csv</c> and the temporary name's suffix the file name stays well under the 255-byte limit of common file systems; the table number keeps names unique.</summary>
    private const int MaxSlugLength = 100;

    /// <summary>The title in lower-case ASCII letters and digits, other characters as <c>-</c>, cut to <see cref="MaxSlugLength"/>.</summary>
    private static string Slug(string text)
    {
        var slug = new string(text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        return slug.Length <= MaxSlugLength ? slug : slug[..MaxSlugLength].TrimEnd('-');
    }

    private const string Css =
        "body{font-family:system-ui,sans-serif;max-width:1200px;margin:2em auto;padding:0 1em;color:#222}" +
        ".scroll{max-width:100%;overflow-x:auto}" +
        "table{border-collapse:collapse;margin:1em 0;font-size:14px}caption{font-weight:bold;text-align:left;padding:4px 0}" +
        "th,td{border:1px solid #ccc;padding:4px 8px;text-align:left}th{background:#f3f3f3}td{white-space:nowrap}td.long{white-space:normal;min-width:20em}" +
        "table.sortable th{cursor:pointer}table.sortable th[aria-sort=ascending]::after{content:' \\25B2'}table.sortable th[aria-sort=descending]::after{content:' \\25BC'}" +
        "figure{margin:1em 0}img{max-width:100%;height:auto}figcaption{font-size:13px;color:#555}" +
        "@media print{.scroll{overflow:visible}table{font-size:9px}body{max-width:none}}";

    /// <summary>
    /// Click a header of a sortable table to sort its rows by that column, again to reverse: cells that start with a number
    /// ("0.812 (0.75–0.86)", "&lt;0.001" as 0.0005) sort numerically, the others as text; "n/a" and empty cells last.
    /// </summary>
    private const string SortScript =
        "document.querySelectorAll('table.sortable').forEach(function(t){t.querySelectorAll('th').forEach(function(h,c){h.addEventListener('click',function(){" +
        "var up=h.getAttribute('aria-sort')!=='ascending';t.querySelectorAll('th').forEach(function(o){o.removeAttribute('aria-sort')});h.setAttribute('aria-sort',up?'ascending':'descending');" +
        "var b=t.tBodies[0],rows=Array.prototype.slice.call(b.rows);function key(r){var s=r.cells[c]?r.cells[c].textContent.trim():'';if(s===''||s==='n/a')return null;" +
        "if(s.charAt(0)==='<')return parseFloat(s.slice(1))/2;var n=parseFloat(s);return isNaN(n)?s.toLowerCase():n}" +
        "rows.sort(function(x,y){var a=key(x),z=key(y);if(a===null)return z===null?0:1;if(z===null)return -1;var d=typeof a===typeof z?(a<z?-1:a>z?1:0):(typeof a==='number'?-1:1);return up?d:-d});" +
        "rows.forEach(function(r){b.appendChild(r)})})})});";

    private abstract record Block
    {
        public sealed record Text(string Content) : Block;

        public sealed record Link(string Caption, string Target) : Block;

        public sealed record TableBlock(Table Table, bool Sortable = false) : Block;

        public sealed record FigureBlock(string Name, string Caption, byte[] Png, string Svg, int Width, int Height) : Block;
    }
}
