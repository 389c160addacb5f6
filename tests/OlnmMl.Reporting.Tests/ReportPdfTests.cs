using System.Text;
using OlnmMl.Reporting.Figures;
using OlnmMl.Reporting.Html;
using OlnmMl.Reporting.Tables;

namespace OlnmMl.Reporting.Tests;

/// <summary>The PDF of a report: vector figures in the print copy, and Chromium's output where Chromium is installed.</summary>
public sealed class ReportPdfTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "olnm-pdf-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private string Write() => new HtmlReport("PDF")
        .Section("Discrimination")
        .Sortable(new Table("Trials", ["trial", "AUC"], [["1", "0.700"], ["2", "0.812 (0.750–0.875)"], ["3", "n/a"]]))
        .Figure("leaderboard", "aAUC by model", LeaderboardChart.Build([new ModelScore("fusion", 0.8, 0.05), new ModelScore("radiomics", 0.7, 0.04)]), 600, 300)
        .Write(_directory);

    [Fact]
    public void ThePrintCopyCarriesEachFiguresSvgInsteadOfItsPng()
    {
        var html = File.ReadAllText(Write());

        var print = ReportPdf.VectorFigures(html, _directory);

        Assert.Contains("data:image/png;base64,", html);
        Assert.DoesNotContain("data:image/png;base64,", print);
        var svg = File.ReadAllText(Path.Combine(_directory, "leaderboard.svg"));
        Assert.Contains("<img data-figure=\"leaderboard\" width=\"600\" height=\"300\" alt=\"aAUC by model\" src=\"data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg)) + "\"", print);
    }

    [SkippableFact]
    public void ChromiumPrintsAPdf()
    {
        var chromium = Chromium.Find();
        Skip.If(chromium is null, $"Chromium is absent: install it (apt-get install chromium) or set {Chromium.Variable} to its executable.");

        var pdf = ReportPdf.Write(Write(), chromium!);

        var bytes = File.ReadAllBytes(pdf);
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
        Assert.Empty(Directory.GetFiles(_directory, ".report-print-*")); // the print copy is removed
    }
}
