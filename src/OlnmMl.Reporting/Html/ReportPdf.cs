using System.Text;
using System.Text.RegularExpressions;

namespace OlnmMl.Reporting.Html;

/// <summary>
/// A written report printed to PDF with headless Chromium (<see cref="Chromium.PrintToPdf"/>): from a print copy of
/// report.html whose figures are the SVGs written beside it (each <c>img data-figure="NAME"</c> takes NAME.svg as an
/// SVG data URI), so the PDF's figures are vector; the copy is deleted afterwards.
/// </summary>
public static partial class ReportPdf
{
    /// <summary>Writes <c>report.pdf</c> beside <paramref name="htmlPath"/> and returns its path.</summary>
    /// <param name="htmlPath">A report.html written by <see cref="HtmlReport.Write"/>.</param>
    /// <param name="chromium">The Chromium executable (<see cref="Chromium.Find"/>).</param>
    public static string Write(string htmlPath, string chromium)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(htmlPath))!;
        var print = Path.Combine(directory, $".report-print-{Guid.NewGuid():N}.html");
        var pdf = Path.Combine(directory, "report.pdf");
        try
        {
            DurableFile.WriteAllText(print, VectorFigures(File.ReadAllText(htmlPath), directory));
            Chromium.PrintToPdf(chromium, print, pdf);
        }
        finally
        {
            File.Delete(print);
        }

        return pdf;
    }

    /// <summary><paramref name="html"/> with each named figure's PNG data URI replaced by its SVG from <paramref name="directory"/> (kept where the SVG is missing).</summary>
    public static string VectorFigures(string html, string directory) =>
        FigureImage().Replace(html, match =>
        {
            var svg = Path.Combine(directory, System.Net.WebUtility.HtmlDecode(match.Groups["name"].Value) + ".svg");
            return File.Exists(svg)
                ? match.Groups["head"].Value + "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(File.ReadAllText(svg))) + "\""
                : match.Value;
        });

    [GeneratedRegex("(?<head><img data-figure=\"(?<name>[^\"]+)\"[^>]*? src=\")data:image/png;base64,[A-Za-z0-9+/=]*\"")]
    private static partial Regex FigureImage();
}
