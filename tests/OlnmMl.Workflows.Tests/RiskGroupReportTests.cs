using OlnmMl.AutoML.Runner;
using OlnmMl.Cohorts.Manifest;
using CohortRole = OlnmMl.AutoML.Runner.CohortRole;
using ManifestRole = OlnmMl.Cohorts.Manifest.CohortRole;
using OlnmMl.Workflows.Reports;

namespace OlnmMl.Workflows.Tests;

/// <summary>
/// Risk groups across targets on predictions whose cut-offs are known by hand: on training, N1 scores 0.8, 0.9 (positive)
/// and 0.2, 0.3 (negative) separate perfectly (J = 1); the Youden cut-off lies midway between the neighbouring scores, as
/// pROC places thresholds: (0.3 + 0.8)/2 = 0.55. N2 scores 0.7, 0.95 / 0.1, 0.4 give (0.4 + 0.7)/2 = 0.55.
/// </summary>
public sealed class RiskGroupReportTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("olnm-risk-groups-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void HighRiskIsAnyTargetAtOrAboveItsTrainingCutoff_WithKaplanMeierAndLogRankPerCohort()
    {
        // test: a (N1 0.9) and b (N2 0.75) are high risk, c and d (both below their cut-offs) low. The high-risk group
        // recurs at months 1 and 2, so Ŝ = 1/2 from month 1 to 2 and the median is (1 + 2)/2 = 1.5 (survfit's rule);
        // the low-risk group is censored at 5 and 6 months (median not reached).
        var n1 = Model("signature n1", [0.8, 0.9, 0.2, 0.3], [0.9, 0.1, 0.1, 0.5]);
        var n2 = Model("signature n2", [0.7, 0.95, 0.1, 0.4], [0.1, 0.75, 0.1, 0.5]);
        var cases = new[] { ("t1", 3.0, true), ("t2", 4.0, true), ("t3", 9.0, false), ("t4", 8.0, true), ("a", 1.0, true), ("b", 2.0, true), ("c", 5.0, false), ("d", 6.0, false) }
            .ToDictionary(c => c.Item1, c => Case.Create(c.Item1, "p1", ManifestRole.Train, 0, "ct.nii", "mask.nii", followUp: new FollowUp(c.Item2, c.Item3)));

        var report = RiskGroupReport.Build("risk", [("n1", n1), ("n2", n2)], cases)!;
        report.Write(_directory);

        var rows = File.ReadAllLines(Directory.GetFiles(_directory, "*recurrence-by-risk-group*.csv").Single()).Skip(1).Select(r => r.Split(',')).ToArray();
        Assert.Equal(["train", "low risk", "2", "1"], rows[0][..4]);
        Assert.Equal(["train", "high risk", "2", "2"], rows[1][..4]);
        Assert.Equal(["test", "low risk", "2", "0", "not reached", "1 (reference)"], rows[2][..6]);
        Assert.Equal(["test", "high risk", "2", "2", "1.500"], rows[3][..5]);
        Assert.True(File.Exists(Path.Combine(_directory, "kaplan-meier.png")));
        Assert.Contains("n1 score ≥ 0.550", System.Net.WebUtility.HtmlDecode(File.ReadAllText(Directory.GetFiles(_directory, "*.html").Single())));
    }

    [Fact]
    public void WithoutFollowUpOrWithOneTargetThereIsNoRiskGroupReport()
    {
        var n1 = Model("n1", [0.8, 0.9, 0.2, 0.3], [0.9, 0.1, 0.1, 0.5]);
        var withoutFollowUp = new[] { "t1", "t2", "t3", "t4", "a", "b", "c", "d" }.ToDictionary(id => id, id => Case.Create(id, "p1", ManifestRole.Train, 0, "ct.nii", "mask.nii"));

        Assert.Null(RiskGroupReport.Build("risk", [("n1", n1), ("n2", n1)], withoutFollowUp));
        Assert.Null(RiskGroupReport.Build("risk", [("n1", n1)], withoutFollowUp));
    }

    private static ModelPredictions Model(string name, double[] training, double[] test) => new(name,
    [
        new CohortPredictions("train", CohortRole.Training, ["t1", "t2", "t3", "t4"], [true, true, false, false], training),
        new CohortPredictions("test", CohortRole.External, ["a", "b", "c", "d"], [true, true, false, false], test),
    ]);
}
