using System.Globalization;
using OlnmMl.AutoML.Runner;
using OlnmMl.Evaluation.Roc;
using OlnmMl.Workflows.Reports;

namespace OlnmMl.Workflows.Tests;

/// <summary>The limitations paragraph of the study report, written from what was run.</summary>
public sealed class StudyReportBuilderLimitationsTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "olnm-study-limitations-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private string Limitations(string? syntheticCohort, params ModelPredictions[] models)
    {
        var report = StudyReportBuilder.Build("s", models, [], null, "leakage", new Dictionary<string, string>(), syntheticCohort: syntheticCohort);
        report.Write(_directory);
        var lines = File.ReadAllLines(Path.Combine(_directory, "report.md"));
        var methods = Array.FindIndex(lines, l => l.StartsWith("Statistical methods.", StringComparison.Ordinal));
        var limitations = Array.FindIndex(lines, l => l.StartsWith("Limitations.", StringComparison.Ordinal));
        Assert.Equal(methods + 2, limitations); // the next paragraph after the methods, in the Methods section
        return lines[limitations];
    }

    [Fact]
    public void SyntheticDataWithAWeakModelOnASmallExternalCohort()
    {
        var weak = StudyReportFixtures.Separating("weak", 0.2, 1);

        var text = Limitations("tiny-seed42", weak);

        Assert.Contains("The data are a synthetic cohort (tiny-seed42), not patients", text);
        Assert.DoesNotContain("retrospective", text);
        Assert.Contains("External validation rests on 1 cohort: test1 (n = 50, pN+ = 17).", text);
        Assert.Contains("cut-off was fitted on the training cohort (train) and not refitted", text);
        Assert.Contains("The selection cohort (validation) chose the models", text);
        var test1 = weak.Cohorts.Single(c => c.Cohort == "test1");
        var auc = DeLong.Estimate([.. test1.Probabilities], [.. test1.Labels]);
        Assert.True(auc.CiUpper - auc.CiLower >= 0.2, $"the fixture's CI {auc.CiLower}–{auc.CiUpper} should be wide");
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"the AUC 95% CI of weak is 0.2 or wider on test1 ({auc.CiLower:0.000}–{auc.CiUpper:0.000})"), text);
    }

    [Fact]
    public void PatientsDataWithoutExternalCohortsOrWideIntervals()
    {
        var strong = StudyReportFixtures.Separating("strong", 6, 1);
        var internalOnly = new ModelPredictions(strong.Model, [.. strong.Cohorts.Where(c => c.Role != CohortRole.External)]);

        var text = Limitations(null, internalOnly);

        Assert.StartsWith("Limitations. The design is retrospective", text);
        Assert.DoesNotContain("synthetic", text);
        Assert.Contains("No external cohort was evaluated", text);
        Assert.DoesNotContain("too small", text);
    }
}
