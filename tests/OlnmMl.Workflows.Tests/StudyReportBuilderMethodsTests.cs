using System.Globalization;
using OlnmMl.Evaluation.Thresholds;
using OlnmMl.Workflows.Reports;

namespace OlnmMl.Workflows.Tests;

/// <summary>The methods paragraph of the study report, written from what was run.</summary>
public sealed class StudyReportBuilderMethodsTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "olnm-study-methods-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private string Methods(string? reference, params ModelPredictions[] models)
    {
        var report = StudyReportBuilder.Build("s", models, [], null, "External cohorts were never used for selection.", new Dictionary<string, string>(), reference);
        report.Write(_directory);
        Assert.Equal("Methods", report.Sections.First());
        return File.ReadAllLines(Path.Combine(_directory, "report.md")).Single(l => l.StartsWith("Statistical methods.", StringComparison.Ordinal));
    }

    [Fact]
    public void MethodsNameTheTestsTheCorrectionTheBootstrapTheCutoffsTheReferenceAndTheLeakageStatement()
    {
        ModelPredictions[] models = [StudyReportFixtures.Separating("fusion", 0.9, 1), StudyReportFixtures.Separating("clinical", 0.3, 2)];

        var methods = Methods("clinical", models);

        Assert.Contains("fitted on the training cohort (train) by Youden's index and carried unchanged to validation, test1", methods);
        foreach (var model in models)
        {
            var cutoff = YoudenCutoff.Fit([.. model.Training.Probabilities], [.. model.Training.Labels]).Threshold;
            Assert.Contains($"{model.Model} {cutoff.ToString("0.000", CultureInfo.InvariantCulture)}", methods);
        }

        Assert.Contains("DeLong 95% CIs", methods);
        Assert.Contains("compared with the selected model (fusion) by the paired DeLong test", methods);
        Assert.Contains("adjusted by Benjamini–Hochberg (false discovery rate) across the models compared on it", methods);
        Assert.Contains("The leaderboard uses the same test and correction against its rank-1 model.", methods);
        Assert.Contains("95% percentile bootstrap CIs (10,000 replicates stratified by outcome, seed 2023;", methods);
        Assert.Contains("95% CIs from 10,000 stratified bootstrap replicates", File.ReadAllText(Path.Combine(_directory, "report.md"))); // the table's caption agrees
        Assert.Contains("Hosmer–Lemeshow", methods);
        Assert.Contains("smoothed by logistic regression on a restricted cubic spline of the logit", methods);
        Assert.Contains("against the reference model clinical", methods);
        Assert.EndsWith("Leakage: External cohorts were never used for selection.", methods);
    }

    [Fact]
    public void MethodsSayNoReclassificationWasComputedWithoutAReferenceModel()
    {
        var methods = Methods(null, StudyReportFixtures.Separating("fusion", 0.9, 1));

        Assert.Contains("No reclassification (NRI, IDI) was computed: no reference model was named among the compared models.", methods);
        Assert.DoesNotContain("paired DeLong", methods); // a single model has nothing to be compared with
    }
}
