using System.Globalization;
using System.Text.RegularExpressions;
using OlnmMl.Reporting.Html;
using OlnmMl.Reporting.Tables;
using OlnmMl.Workflows.Reports;
using SkiaSharp;

namespace OlnmMl.Workflows.Tests.Reports;

/// <summary>
/// The study report as headless Chromium renders it: a screenshot that is not blank, no horizontal overflow at a laptop's
/// width, the trial table sorted by a click, and a PDF. Skipped where Chromium is absent.
/// </summary>
public sealed class ReportBrowserTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "olnm-browser-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static string Chromium()
    {
        var chromium = OlnmMl.Reporting.Html.Chromium.Find();
        Skip.If(chromium is null, $"Chromium is absent: install it (apt-get install chromium) or set {OlnmMl.Reporting.Html.Chromium.Variable} to its executable.");
        return chromium!;
    }

    /// <summary>A report as the fusion study's: four models, the clinical cohort table, chosen pairs, reclassification and 12 trials.</summary>
    private string WriteReport()
    {
        ModelPredictions[] models =
        [
            StudyReportFixtures.Separating("fusion concat*", 1.1, 1), StudyReportFixtures.Separating("radiomics", 0.7, 2),
            StudyReportFixtures.Separating("deep resnet18", 0.6, 3), StudyReportFixtures.Separating("clinical", 0.3, 4),
        ];
        var clinical = Enumerable.Range(0, 60).Select(i => new ClinicalRecord(i < 30 ? "train" : i < 45 ? "validation" : "test1", i % 3 == 0, 50 + i % 17, i % 2 == 0, 1.2 + i % 5 * 0.3, i % 4 != 0, (i % 3) switch { 0 => "inner", 1 => "middle", _ => "outer" })).ToArray();
        string[] cohorts = ["validation", "test1"];
        string[] headers = ["rank", "trial", "kind", "parameters", "aauc", "aauc_sd", "cutoff", .. cohorts.SelectMany(c => new[] { "auc", "auc_lower", "auc_upper", "sensitivity", "specificity", "delong_p_bh" }.Select(m => $"{c}_{m}"))];
        var random = new Random(5);
        var rows = Enumerable.Range(1, 12).Select(rank => (IReadOnlyList<string>)
            [.. new[] { rank.ToString(CultureInfo.InvariantCulture), (40 - rank).ToString(CultureInfo.InvariantCulture), rank % 2 == 0 ? "fusion" : "radiomics",
                $"backbone=resnet{(rank % 3 == 0 ? 34 : 18)}; init=medicalnet; fusion=concat*; lr={rank}e-4; weight_decay=0.0001; contrastive=0.5; epochs=40" },
             .. Enumerable.Range(0, 3 + 6 * cohorts.Length).Select(_ => random.NextDouble().ToString("R", CultureInfo.InvariantCulture))]).ToList();
        return StudyReportBuilder.Build(
            "OLNM study: fusion on tiny-seed42", models, clinical, new Table("Leaderboard (every trial)", headers, rows),
            "External cohorts were never used for selection.", new Dictionary<string, string> { ["commit"] = "0123456789abcdef0123456789abcdef01234567", ["seed"] = "42" },
            reference: "clinical", leaderboardCsv: "leaderboard.csv", pairs: [("fusion concat*", "radiomics"), ("fusion concat*", "deep resnet18"), ("fusion concat*", "clinical")])
            .Write(_directory);
    }

    /// <summary>
    /// The DOM Chromium leaves after running <paramref name="script"/> at the end of a copy of <paramref name="html"/>, at a
    /// window <paramref name="width"/> CSS pixels wide.
    /// </summary>
    private static string Dom(string chromium, string html, string script, int width)
    {
        var probe = Path.Combine(Path.GetDirectoryName(html)!, "probe.html");
        File.WriteAllText(probe, File.ReadAllText(html).Replace("</body>", $"<script>{script}</script>\n</body>", StringComparison.Ordinal));
        var start = new System.Diagnostics.ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", $"--window-size={width},900", "--dump-dom", new Uri(probe).AbsoluteUri })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        _ = process.StandardError.ReadToEndAsync();
        var dom = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return dom;
    }

    [SkippableFact]
    public void ScreenshotIsNotBlank_NothingOverflowsSideways_TheTrialTableSorts_AndThePdfPrints()
    {
        var chromium = Chromium();
        var html = WriteReport();

        var screenshot = Path.Combine(_directory, "screenshot.png");
        OlnmMl.Reporting.Html.Chromium.Run(chromium, html, $"--screenshot={screenshot}", "--window-size=1400,4000");
        using (var bitmap = SKBitmap.Decode(screenshot))
        {
            Assert.Equal((1400, 4000), (bitmap.Width, bitmap.Height));
            var ink = 0;
            for (var y = 0; y < bitmap.Height; y += 4)
            {
                for (var x = 0; x < bitmap.Width; x += 4)
                {
                    var c = bitmap.GetPixel(x, y);
                    ink += c.Red + c.Green + c.Blue < 3 * 200 ? 1 : 0;
                }
            }

            Assert.True(ink > bitmap.Width * bitmap.Height / 16 / 100, $"only {ink} dark samples: the page looks blank");
        }

        // At 1000 CSS pixels the page must not scroll sideways: wide tables scroll inside their own box.
        var overflow = Dom(chromium, html, "document.body.setAttribute('data-overflow', String(document.documentElement.scrollWidth - document.documentElement.clientWidth));", 1000);
        Assert.Equal("0", Regex.Match(overflow, "data-overflow=\"(-?\\d+)\"").Groups[1].Value);

        // A click on "aAUC ± SD" sorts the trials by aAUC, ascending.
        var sorted = Dom(chromium, html,
            "var t=document.querySelector('table.sortable');t.querySelectorAll('th')[4].click();"
            + "document.body.setAttribute('data-order',Array.prototype.map.call(t.tBodies[0].rows,function(r){return r.cells[4].textContent.split(' ')[0]}).join(' '));", 1400);
        var order = Regex.Match(sorted, "data-order=\"([^\"]*)\"").Groups[1].Value.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(12, order.Length);
        Assert.Equal(order.Order(), order);

        var pdf = ReportPdf.Write(html, chromium);
        Assert.Equal("%PDF-"u8.ToArray(), File.ReadAllBytes(pdf)[..5]);
    }
}
