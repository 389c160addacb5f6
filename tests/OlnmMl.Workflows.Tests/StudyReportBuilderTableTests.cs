using System.Globalization;
using OlnmMl.AutoML.Runner;
using OlnmMl.Evaluation.Calibration;
using OlnmMl.Evaluation.Thresholds;
using OlnmMl.Workflows.Reports;

namespace OlnmMl.Workflows.Tests;

/// <summary>The performance and calibration tables of the study report, checked against the library's values.</summary>
public sealed class StudyReportBuilderTableTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "olnm-study-tables-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static string[][] Csv(string directory, string pattern) =>
        File.ReadAllLines(Directory.GetFiles(directory, pattern).Single()).Skip(1).Select(r => r.Split(',')).ToArray();

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    [Fact]
    public void PerformanceTableHasATrainingRowAndTheLibrarysConfusionCountsAtTheTrainingCutoff()
    {
        ModelPredictions[] models = [StudyReportFixtures.Separating("fusion", 0.9, 1), StudyReportFixtures.Separating("radiomics", 0.4, 7)];

        StudyReportBuilder.Build("s", models, [], null, "", new Dictionary<string, string>()).Write(_directory);

        var rows = Csv(_directory, "*performance-by-model*.csv");
        Assert.Equal(2 * 3, rows.Length);
        foreach (var model in models)
        {
            var cutoff = YoudenCutoff.Fit([.. model.Training.Probabilities], [.. model.Training.Labels]).Threshold;
            foreach (var cohort in model.Cohorts)
            {
                var name = cohort.Role == CohortRole.Training ? "train (training)" : cohort.Cohort;
                var row = rows.Single(r => r[0] == model.Model && r[1] == name);
                var expected = ConfusionCounts.At([.. cohort.Probabilities], [.. cohort.Labels], cutoff);
                int[] counts = [.. row[9..13].Select(int.Parse)];
                Assert.Equal([expected.TruePositives, expected.FalsePositives, expected.TrueNegatives, expected.FalseNegatives], counts);
                Assert.Equal(cohort.Labels.Count, counts.Sum());
                Assert.StartsWith(F((double)(counts[0] + counts[2]) / counts.Sum()) + " (", row[4]); // accuracy = (TP + TN) / n
            }
        }
    }

    [Fact]
    public void CalibrationTableHasTheLibrarysFitsAndWarnsOfEveryDegenerateModel()
    {
        // Labels drawn from the predicted probability: calibrated up to sampling noise.
        var calibrated = StudyReportFixtures.Model("calibrated", (random, _) => 0.05 + 0.9 * random.NextDouble(), 3);
        calibrated = new ModelPredictions(calibrated.Model, calibrated.Cohorts.Select(c =>
        {
            var random = new Random(1000 + c.Cohort.Length); // not the seed that drew the probabilities
            var labels = c.Probabilities.Select(p => random.NextDouble() < p).ToArray();
            return new CohortPredictions(c.Cohort, c.Role, c.CaseIds, labels, c.Probabilities);
        }).ToArray());
        var inverted = StudyReportFixtures.Separating("inverted", -0.9, 5); // higher probability for the negatives: slope < 0
        var constant = StudyReportFixtures.Model("constant", (_, _) => 0.3, 9);
        var flat = StudyReportFixtures.Model("flat", (random, label) => 0.3 + (label ? 0.002 : 0) + 0.001 * random.NextDouble(), 11); // separates, SD ≈ 0.001

        var degenerate = Path.Combine(_directory, "degenerate");
        StudyReportBuilder.Build("s", [calibrated], [], null, "", new Dictionary<string, string>()).Write(_directory); // its own labels: no paired test
        StudyReportBuilder.Build("s", [inverted, constant, flat], [], null, "", new Dictionary<string, string>()).Write(degenerate);

        var rows = Csv(_directory, "*calibration-by-model*.csv");
        Assert.Equal(3, rows.Length);
        Assert.Equal(3 * 3, Csv(degenerate, "*calibration-by-model*.csv").Length);
        foreach (var cohort in calibrated.Cohorts)
        {
            var fit = CalibrationFit.Compute([.. cohort.Probabilities], [.. cohort.Labels]);
            var test = HosmerLemeshow.Compute([.. cohort.Probabilities], [.. cohort.Labels]);
            var row = rows.Single(r => r[0] == "calibrated" && r[1] == (cohort.Role == CohortRole.Training ? "train (training)" : cohort.Cohort));
            Assert.Equal([F(fit.Intercept), F(fit.Slope), F(test.Statistic), test.DegreesOfFreedom.ToString(CultureInfo.InvariantCulture)], row[2..6]);
            Assert.InRange(fit.Slope, 0, 10);
        }

        Assert.DoesNotContain("Warning:", File.ReadAllText(Path.Combine(_directory, "report.md")));
        var markdown = File.ReadAllText(Path.Combine(degenerate, "report.md"));
        var slope = CalibrationFit.Compute([.. inverted.Training.Probabilities], [.. inverted.Training.Labels]).Slope;
        Assert.True(slope < 0, $"fixture slope {slope}");
        Assert.Contains($"Warning: inverted on train is degenerate (calibration slope {F(slope)}, outside 0–10)", markdown);
        // One warning per model and reason, naming its cohorts.
        Assert.Contains("Warning: constant on train, validation, test1 is degenerate (a constant prediction)", markdown);
        var flatWarnings = markdown.Split('\n').Where(l => l.StartsWith("Warning: flat on ", StringComparison.Ordinal)).ToArray();
        Assert.All(flatWarnings, l => Assert.Contains(" is degenerate (near-constant predictions, SD 0.00", l));
        Assert.Equal(flat.Cohorts.Select(c => c.Cohort).Order(), flatWarnings.SelectMany(l => l["Warning: flat on ".Length..l.IndexOf(" is degenerate", StringComparison.Ordinal)].Split(", ")).Order());
    }

    [Fact]
    public void EveryTrialTableIsRoundedTo3DecimalsWithCohortsFoldedAndTheRawCsvLinked()
    {
        // Columns as leaderboard.csv writes them (a subset of each cohort's): raw doubles, the parameters in one column.
        string[] headers = ["rank", "trial", "kind", "parameters", "objective", "aauc", "aauc_sd", "training_cohort", "cutoff",
            "validation_auc", "validation_auc_lower", "validation_auc_upper", "validation_sensitivity", "validation_specificity", "validation_delong_p_bh",
            "test1_auc", "test1_auc_lower", "test1_auc_upper", "test1_sensitivity", "test1_specificity", "test1_delong_p_bh"];
        string[] row = ["1", "7", "radiomics", "learner=svm; c=0.5", "0.71", "0.6568047337278107", "0.0212", "train", "0.41234",
            "0.7012345", "0.6", "0.8", "0.66666666", "0.75", "", "0.61", "0.5", "0.72", "0.5", "0.8", "0.0453"];
        var leaderboard = new OlnmMl.Reporting.Tables.Table("Leaderboard (every trial)", headers, [row]);

        var html = File.ReadAllText(StudyReportBuilder.Build("s", [StudyReportFixtures.Separating("fusion", 0.9, 1)], [], leaderboard, "", new Dictionary<string, string>(),
            leaderboardCsv: "leaderboard.csv").Write(_directory));

        var lines = File.ReadAllLines(Directory.GetFiles(_directory, "*leaderboard--every-trial*.csv").Single());
        Assert.Equal("rank,trial,kind,parameters,aAUC ± SD,cut-off,validation AUC (95% CI),validation sens / spec,validation p (BH),test1 AUC (95% CI),test1 sens / spec,test1 p (BH)", lines[0]);
        Assert.Equal("1,7,radiomics,learner=svm; c=0.5,0.657 ± 0.021,0.412,0.701 (0.600–0.800),0.667 / 0.750,n/a,0.610 (0.500–0.720),0.500 / 0.800,0.045", lines[1]);
        Assert.Contains("<a href=\"leaderboard.csv\">", html);
    }
}
