using ScottPlot;
using OlnmMl.Evaluation.Calibration;
using OlnmMl.Reporting.Figures;
using OlnmMl.Reporting.Html;
using OlnmMl.Reporting.Tables;

namespace OlnmMl.Reporting.Tests;

public sealed class ReportRenderingTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "olnm-report-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static readonly double[] Thresholds = Enumerable.Range(1, 60).Select(i => i / 100.0).ToArray();

    private static RocPanel Roc(string cohort) => new(cohort, 200, 60,
    [
        new RocSeries("radiomics", [0, 0.1, 0.3, 1], [0, 0.4, 0.7, 1], 0.71, 0.64, 0.78),
        new RocSeries("fusion concat", [0, 0.05, 0.2, 1], [0, 0.5, 0.8, 1], 0.80, 0.74, 0.86),
    ]);

    /// <summary>A model's calibration on 100 cases: deciles of a seeded random prediction, the outcome drawn at that risk.</summary>
    private static CalibrationSeries Calibration(string model, int seed)
    {
        var random = new Random(seed);
        double[] p = [.. Enumerable.Range(0, 100).Select(_ => random.NextDouble())];
        bool[] y = [.. p.Select(q => random.NextDouble() < q)];
        return new CalibrationSeries(model, ReliabilityCurve.Compute(p, y, 10, BinningStrategy.EqualCount).Bins, p);
    }

    public static TheoryData<string, int> Figures() => new()
    {
        { "roc", 3 },
        { "calibration", 2 },
        { "decision", 2 },
        { "leaderboard", 1 },
    };

    private static ScottPlot.Multiplot Build(string kind) => kind switch
    {
        "roc" => RocFigure.Build([Roc("validation"), Roc("test 1"), Roc("test 2")]),
        "calibration" => CalibrationFigure.Build(
        [
            new CalibrationPanel("validation", [Calibration("fusion", 7)]),
            new CalibrationPanel("test 1", [Calibration("fusion", 8)]),
        ]),
        "decision" => DecisionCurveFigure.Build(
        [
            new DecisionCurvePanel("validation", 0.36, [new DecisionCurveSeries("fusion", Thresholds, Thresholds.Select(t => 0.36 - 0.4 * t).ToArray())]),
            new DecisionCurvePanel("test 1", 0.2, [new DecisionCurveSeries("fusion", Thresholds, Thresholds.Select(t => 0.2 - 0.3 * t).ToArray())]),
        ]),
        _ => LeaderboardChart.Build([new ModelScore("radiomics", 0.715, 0.019), new ModelScore("fusion concat", 0.754, 0.018), new ModelScore("deep", 0.676, 0.021)]),
    };

    [Theory]
    [MemberData(nameof(Figures))]
    public void EveryFigureRendersNonTrivialPngAndSvg(string kind, int panels)
    {
        var figure = Build(kind);
        var png = Path.Combine(_directory, kind + ".png");
        var svg = Path.Combine(_directory, kind + ".svg");

        FigureFile.Save(figure, png, 400 * panels, 400);
        FigureFile.Save(figure, svg, 400 * panels, 400);

        var bytes = File.ReadAllBytes(png);
        Assert.True(bytes.Length > 10_000, $"{kind}.png is only {bytes.Length} bytes");
        Assert.Equal(FigureFile.Pixels(400 * panels), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16))); // IHDR width at 300 dpi
        Assert.Equal(FigureFile.Pixels(400), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20))); // IHDR height
        Assert.Equal(FigureFile.Dpi, PngResolution.Dpi(bytes));
        Assert.Equal(panels, figure.GetPlots().Length);
        var text = File.ReadAllText(svg);
        Assert.StartsWith("<?xml", text);
        Assert.Contains("<svg", text);
    }

    [Fact]
    public void RocLegendCarriesAucAndConfidenceInterval() =>
        Assert.Equal("fusion, AUC 0.812 (0.751–0.866)", RocFigure.Legend(new RocSeries("fusion", [0, 1], [0, 1], 0.8123, 0.7511, 0.8659)));

    [Fact]
    public void HtmlReportIsSelfContainedAndHasEverySection()
    {
        var records = new List<ClinicalRecord>();
        for (var i = 0; i < 40; i++)
        {
            records.Add(new ClinicalRecord(i < 25 ? "train" : "test", i % 3 == 0, 50 + i % 17, i % 2 == 0, 1 + i % 5 * 0.2, i % 4 != 0, (i % 3) switch { 0 => "inner", 1 => "middle", _ => "outer" }));
        }

        var report = new HtmlReport("OLNM study")
            .Section("Cohorts").Add(CohortSummaryTable.Build(records))
            .Section("Discrimination").Figure("roc", "ROC curves by cohort", Build("roc"), 1200, 400)
            .Section("Leaderboard").Paragraph("External cohorts were never used for selection.").Figure("leaderboard", "aAUC", Build("leaderboard"), 600, 400)
            .Section("Provenance").Provenance(new Dictionary<string, string> { ["seed"] = "42", ["version"] = "0.1.0" });

        var html = File.ReadAllText(report.Write(_directory));

        foreach (var section in new[] { "Cohorts", "Discrimination", "Leaderboard", "Provenance" })
        {
            Assert.Contains($"<h2>{section}</h2>", html);
        }

        Assert.Contains("data:image/png;base64,", html);
        // Shown at the CSS size asked for, from the 300-dpi PNG written beside the report.
        Assert.Contains("<figure><img data-figure=\"roc\" width=\"1200\" height=\"400\" alt=\"ROC curves by cohort\"", html);
        Assert.Contains("<img data-figure=\"leaderboard\" width=\"600\" height=\"400\" alt=\"aAUC\"", html);
        var png = File.ReadAllBytes(Path.Combine(_directory, "roc.png"));
        Assert.Equal(3750, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(300, PngResolution.Dpi(png));
        Assert.DoesNotContain("src=\"http", html);
        Assert.Contains("External cohorts were never used", html);
        Assert.True(File.Exists(Path.Combine(_directory, "roc.svg")));
        Assert.Contains("![ROC curves by cohort](roc.png)", File.ReadAllText(Path.Combine(_directory, "report.md")));
        Assert.Equal(4, Directory.GetFiles(_directory, "*.csv").Length + 2); // cohort table and provenance
    }

    [Fact]
    public void CohortTableSummarisesEachCohort()
    {
        ClinicalRecord[] records =
        [
            new("train", true, 60, true, 2.0, true, "inner"),
            new("train", false, 50, false, 1.0, false, "outer"),
            new("test", false, 70, true, 1.5, true, "middle"),
        ];

        var table = CohortSummaryTable.Build(records);

        Assert.Equal(["characteristic", "train", "test", "p", "test"], table.Headers);
        Assert.Equal(["cases", "2", "1", "", ""], table.Rows[0]);
        Assert.Equal("1 (50.0)", table.Rows[1][1]); // one pN+ of two
        Assert.Equal("55.0 ± 7.1", table.Rows[2][1]); // mean 55, SD √50 = 7.07
        Assert.Equal("max diameter cm, median (IQR)", table.Rows[4][0]);
        Assert.Equal("1.5 (1.3–1.8)", table.Rows[4][1]); // {1.0, 2.0}: median 1.5, type-7 quartiles 1.25 and 1.75 (rounded half away from zero)
        Assert.Equal("50.0/0.0/50.0", table.Rows[6][1]);
    }

    [Fact]
    public void EachRowNamesTheTestItsDistributionAndExpectedCountsCallFor()
    {
        // Two cohorts of 20: ages differ (t-test), diameters (Mann–Whitney U); male 10/20 vs 12/20 has every expected count
        // ≥ 5 (χ²); solid 19/20 vs 20/20 has expected counts 0.5 (Fisher). R: fisher.test(matrix(c(19,1,20,0),2,byrow=TRUE))
        // gives p = 1; t.test(40:59, 50:69, var.equal = TRUE) gives p = 4.5e-6.
        var records = Enumerable.Range(0, 20).SelectMany(i => new ClinicalRecord[]
        {
            new("train", i % 2 == 0, 40 + i, i < 10, 1 + (0.1 * i), i > 0, "inner"),
            new("test", i % 3 == 0, 50 + i, i < 12, 2 + (0.1 * i), true, "outer"),
        }).ToArray();

        var table = CohortSummaryTable.Build(records);
        string[] Row(string prefix) => [.. table.Rows.Single(r => r[0].StartsWith(prefix, StringComparison.Ordinal))];

        Assert.Equal("t-test", Row("age")[^1]);
        Assert.Equal("<0.001", Row("age")[^2]);
        Assert.Equal("Mann–Whitney U", Row("max diameter")[^1]);
        Assert.Equal("χ²", Row("male")[^1]);
        Assert.Equal(["Fisher's exact", "1.000"], Row("solid")[^2..].Reverse());
    }

    /// <summary>A table's CSV is named after its title; a 300-character title (the study's table titles state their fitting) must still give a file the file system accepts, found from the report's link.</summary>
    [Fact]
    public void A_long_table_title_gives_a_short_csv_name_that_the_report_links()
    {
        var title = string.Concat(Enumerable.Repeat("Clinical variables selected by univariable logistic score, ", 5));
        var directory = Path.Combine(_directory, "long-title");

        new HtmlReport("r").Section("s").Add(new Table(title, ["a"], [["1"]])).Write(directory);

        var csv = Assert.Single(Directory.GetFiles(directory, "*.csv"));
        Assert.InRange(Path.GetFileName(csv).Length, 20, 120);
        Assert.StartsWith("table1-clinical-variables-selected-by", Path.GetFileName(csv));
        Assert.Contains($"[CSV]({Path.GetFileName(csv)})", File.ReadAllText(Path.Combine(directory, "report.md")));
        Assert.Equal("a\n1\n", File.ReadAllText(csv));
    }

    [Fact]
    public void CsvQuotesFieldsThatNeedIt()
    {
        var table = new Table("t", ["a", "b"], [["x,y", "say \"hi\""]]);

        Assert.Equal("a,b\n\"x,y\",\"say \"\"hi\"\"\"\n", table.ToCsv());
    }
}
