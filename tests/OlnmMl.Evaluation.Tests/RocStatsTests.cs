using System.Text.Json;
using OlnmMl.Evaluation.Reports;

namespace OlnmMl.Evaluation.Tests;

public class RocStatsTests
{
    private const string Header = "id,y,s,s2,centre";

    [Fact]
    public void ReportHoldsTheIssueFieldsWithHandValues()
    {
        // Cohort A: the DeLong hand case (AUC 0.875, variance 19/864); s2 ranks the cases differently.
        string csv = Csv(
            "1,1,0.9,0.2,A", "2,1,0.8,0.9,A", "3,1,0.4,0.7,A", "4,0,0.7,0.1,A", "5,0,0.4,0.3,A", "6,0,0.2,0.6,A", "7,0,0.1,0.5,A");
        RocStatsReport report = Build(csv, new RocStatsRequest("y", "s", Compare: "s2"));
        CohortRocStats all = Assert.Single(report.Cohorts);
        Assert.Equal(RocStats.AllCases, all.Cohort);
        ScoreRocStats s = all.Scores[0];
        Assert.Equal(0.875, s.Auc, 1e-15);
        Assert.Equal(19.0 / 864, s.DelongVariance, 1e-15);
        // Youden on s: sorted 0.1− 0.2− 0.4± 0.4 0.7− 0.8+ 0.9+; cut 0.75 gives sens 2/3, spec 1 (J = 2/3);
        // cut 0.3 gives sens 1, spec 2/4 (J = 0.5) → 0.75.
        Assert.Equal(0.75, s.YoudenThreshold, 1e-15);
        Assert.Equal(2.0 / 3, s.Sensitivity, 1e-15);
        Assert.Equal(1.0, s.Specificity);
        Assert.NotNull(all.Comparison);
        Assert.Equal(7, all.Comparison!.Cases);

        string json = EvaluationJson.Serialize(report);
        using JsonDocument doc = JsonDocument.Parse(json);
        JsonElement score = doc.RootElement.GetProperty("cohorts")[0].GetProperty("scores")[0];
        foreach (string key in new[] { "auc", "auc_ci_lower", "auc_ci_upper", "delong_variance", "youden_threshold", "sensitivity", "specificity" })
        {
            Assert.True(score.TryGetProperty(key, out _), key);
        }

        JsonElement comparison = doc.RootElement.GetProperty("cohorts")[0].GetProperty("comparison");
        Assert.True(comparison.TryGetProperty("z", out _));
        Assert.True(comparison.TryGetProperty("p", out _));
        Assert.Contains("higher score = positive", doc.RootElement.GetProperty("direction").GetString());
        Assert.Equal(report.Cohorts[0].Scores[0], EvaluationJson.Deserialize<RocStatsReport>(json).Cohorts[0].Scores[0]);
    }

    [Fact]
    public void DegenerateCohortsGiveReasonsNotExceptions()
    {
        string csv = Csv(
            "1,1,0.9,0.9,one-class", "2,1,0.3,0.3,one-class",
            "3,1,0.5,0.5,single",
            "4,1,0.5,0.5,equal", "5,0,0.5,0.5,equal", "6,1,0.5,0.5,equal", "7,0,0.5,0.5,equal",
            "8,1,NA,0.2,missing", "9,0,,0.1,missing", "10,1,0.7,0.3,missing", "11,0,0.2,0.4,missing", "12,1,0.9,0.8,missing", "13,0,0.1,0.6,missing");
        RocStatsReport report = Build(csv, new RocStatsRequest("y", "s", Compare: "s2", CohortColumn: "centre"));
        Assert.Equal(["one-class", "single", "equal", "missing"], report.Cohorts.Select(c => c.Cohort));

        ScoreRocStats oneClass = report.Cohorts[0].Scores[0];
        Assert.True(double.IsNaN(oneClass.Auc));
        Assert.Equal(Undefined.NoNegatives, oneClass.UndefinedReason);
        Assert.True(double.IsNaN(report.Cohorts[0].Comparison!.P));

        Assert.Equal(Undefined.NoNegatives, report.Cohorts[1].Scores[0].UndefinedReason);

        ScoreRocStats equal = report.Cohorts[2].Scores[0];
        Assert.Equal(0.5, equal.Auc);
        Assert.True(double.IsNaN(equal.DelongVariance));
        Assert.Equal(Undefined.ConstantScore, equal.UndefinedReason);
        Assert.Equal(1.0, report.Cohorts[2].Comparison!.P);

        ScoreRocStats missing = report.Cohorts[3].Scores[0];
        Assert.Equal(2, missing.ExcludedMissing);
        Assert.Equal(1.0, missing.Auc); // positives 0.7, 0.9 vs negatives 0.2, 0.1
        Assert.Equal(4, report.Cohorts[3].Comparison!.Cases);

        string json = EvaluationJson.Serialize(report);
        Assert.Contains("\"NaN\"", json);
    }

    [Fact]
    public void TableWithoutRowsGivesReasons()
    {
        RocStatsReport report = Build(Header + "\n", new RocStatsRequest("y", "s", Compare: "s2"));
        CohortRocStats all = Assert.Single(report.Cohorts);
        Assert.Equal(0, all.Cases);
        Assert.Equal(Undefined.NoCases, all.Scores[0].UndefinedReason);
        Assert.Equal(Undefined.NoCases, all.Comparison!.UndefinedReason);
    }

    [Fact]
    public void TrainingCohortCutoffIsCarried()
    {
        string csv = Csv("1,1,0.9,0,T", "2,1,0.6,0,T", "3,0,0.4,0,T", "4,0,0.1,0,T", "5,1,0.55,0,V", "6,0,0.45,0,V", "7,1,0.52,0,V");
        // Training: perfect separation between 0.4 and 0.6 → Youden cut-off 0.5; at 0.5 cohort V: TP 2, TN 1.
        RocStatsReport report = Build(csv, new RocStatsRequest("y", "s", CohortColumn: "centre", TrainingCohort: "T"));
        ScoreRocStats v = report.Cohorts[1].Scores[0];
        Assert.Equal(0.5, v.YoudenThreshold, 1e-15);
        Assert.Equal("training cohort 'T'", v.YoudenThresholdSource);
        Assert.Equal(1.0, v.Sensitivity);
        Assert.Equal(1.0, v.Specificity);
        var error = Assert.Throws<OlnmUserException>(() => Build(csv, new RocStatsRequest("y", "s", CohortColumn: "centre", TrainingCohort: "X")));
        Assert.Contains("'X'", error.Message);
    }

    [Theory]
    [InlineData("1,2,0.5,0.5,A", "line 2, column 'y': label '2'")]
    [InlineData("1,1,abc,0.5,A", "line 2, column 's': 'abc' is not a number")]
    [InlineData("1,1,0.5,A", "line 2: 4 fields, but the header has 5")]
    [InlineData("1,1,0.5,0.5,", "line 2, column 'centre': the cohort is empty")]
    public void BadRowsAreReportedWithFileLineAndColumn(string row, string expected)
    {
        var error = Assert.Throws<FormatException>(() => ScoreTable.Parse(new StringReader(Csv(row)), "scores.csv", "y", ["s", "s2"], "centre"));
        Assert.Contains("scores.csv", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void MissingColumnListsTheHeader()
    {
        var error = Assert.Throws<FormatException>(() => ScoreTable.Parse(new StringReader(Csv("1,1,0.5,0.5,A")), "scores.csv", "y", ["prob"]));
        Assert.Contains("no column 'prob'", error.Message);
        Assert.Contains("id, y, s, s2, centre", error.Message);
    }

    [Fact]
    public void RunReadsAFileAndWritesJson()
    {
        string directory = Path.Combine(Path.GetTempPath(), "olnm-evaluation-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            string data = Path.Combine(directory, "scores.csv");
            File.WriteAllText(data, Csv("1,1,0.9,0.1,A", "2,0,0.3,0.4,A", "3,\"1\",0.8,0.2,A", "4,0,0.1,0.3,A"));
            string output = Path.Combine(directory, "out", "stats.json");
            RocStatsReport report = RocStats.Run(data, new RocStatsRequest("y", "s"), output);
            Assert.Equal(1.0, report.Cohorts[0].Scores[0].Auc);
            Assert.Equal(report.Cohorts[0].Scores[0], EvaluationJson.Deserialize<RocStatsReport>(File.ReadAllText(output)).Cohorts[0].Scores[0]);
            Assert.Throws<FileNotFoundException>(() => RocStats.Run(Path.Combine(directory, "nope.csv"), new RocStatsRequest("y", "s"), output));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Csv(params string[] rows) => Header + "\n" + string.Join("\n", rows) + "\n";

    private static RocStatsReport Build(string csv, RocStatsRequest request) =>
        RocStats.Build(ScoreTable.Parse(new StringReader(csv), "scores.csv", request.LabelColumn, request.ScoreColumns, request.CohortColumn), request);
}
