using OlnmMl.AutoML.Runner;
using OlnmMl.Reporting.Tables;
using OlnmMl.Workflows.Reports;

namespace OlnmMl.Workflows.Tests;

public sealed class StudyReportBuilderTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "olnm-study-report-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>Predictions whose probability is a noisy function of the label (separation <paramref name="shift"/>).</summary>
    private static CohortPredictions Cohort(string name, CohortRole role, int cases, double shift, int seed)
    {
        var random = new Random(seed);
        var labels = Enumerable.Range(0, cases).Select(i => i % 3 == 0).ToArray();
        var probabilities = labels.Select(l => 1 / (1 + Math.Exp(-((l ? shift : -shift) + random.NextDouble() * 2 - 1)))).ToArray();
        return new CohortPredictions(name, role, Enumerable.Range(0, cases).Select(i => $"{name}-{i}").ToArray(), labels, probabilities);
    }

    private static ModelPredictions Model(string name, double shift) => new(name,
    [
        Cohort("train", CohortRole.Training, 90, shift, 1),
        Cohort("validation", CohortRole.Selection, 60, shift, 2),
        Cohort("test1", CohortRole.External, 50, shift * 0.8, 3),
    ]);

    [Fact]
    public void ReportHasEveryResultSectionAndComparesAgainstTheBestModel()
    {
        var clinical = Enumerable.Range(0, 30).Select(i => new ClinicalRecord(i < 20 ? "train" : "test1", i % 3 == 0, 55 + i % 9, i % 2 == 0, 1.5, i % 5 != 0, "outer")).ToArray();

        var report = StudyReportBuilder.Build(
            "Synthetic study",
            [Model("fusion concat", 0.9), Model("radiomics", 0.4)],
            clinical,
            leaderboard: null,
            "External cohorts were never used for selection.",
            new Dictionary<string, string> { ["seed"] = "1" });
        var html = File.ReadAllText(report.Write(_directory));

        Assert.Equal(["Methods", "Cohorts", "Discrimination", "Calibration and clinical utility", "Leaderboard", "Provenance"], report.Sections);
        Assert.Contains("against the selected model (fusion concat)", html); // the first model is the reference
        foreach (var figure in new[] { "roc", "calibration", "decision-curves", "leaderboard" })
        {
            Assert.True(new FileInfo(Path.Combine(_directory, figure + ".png")).Length > 10_000, figure);
        }

        var metrics = File.ReadAllLines(Directory.GetFiles(_directory, "*performance-by-model*.csv").Single());
        Assert.Equal(1 + 2 * 3, metrics.Length); // header + 2 models × (training + 2 evaluated cohorts)

        // Benjamini–Hochberg across the models compared on each cohort: one comparison per cohort, so adjusted = raw.
        var tests = File.ReadAllLines(Directory.GetFiles(_directory, "*paired-delong*.csv").Single()).Skip(1).Select(r => r.Split(',')).ToArray();
        Assert.Equal(["validation", "test1"], tests.Select(c => c[1]));
        Assert.All(tests, c => Assert.Equal(c[3], c[4]));
    }

    [Fact]
    public void ModelsAreReclassifiedAgainstTheReferenceModel_IdiAsPencinaDefinesIt()
    {
        var reference = Model("clinical", 0.3);
        var signature = Model("deep ct+pet separate", 1.2);

        var report = StudyReportBuilder.Build(
            "PET/CT study", [signature, reference], [], leaderboard: null, "", new Dictionary<string, string>(), reference: "clinical");
        report.Write(_directory);

        Assert.Contains("Reclassification", report.Sections);
        var rows = File.ReadAllLines(Directory.GetFiles(_directory, "*reclassification*.csv").Single());
        Assert.Equal(1 + 2, rows.Length); // header + the signature on 2 evaluated cohorts
        // IDI (Pencina 2008) = (mean p_new − mean p_old over events) − (mean p_new − mean p_old over non-events).
        var (before, after) = (reference.Evaluated.Single(c => c.Cohort == "test1"), signature.Evaluated.Single(c => c.Cohort == "test1"));
        double Mean(CohortPredictions p, bool events) => p.Probabilities.Where((_, i) => p.Labels[i] == events).Average();
        var idi = Mean(after, true) - Mean(before, true) - (Mean(after, false) - Mean(before, false));
        var cells = rows.Single(r => r.Contains("test1")).Split(',');
        Assert.StartsWith(idi.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture), cells[4].Trim('"'));
    }

    [Fact]
    public void ModelWithoutTrainingPredictionsIsRejectedWithItsName()
    {
        var model = new ModelPredictions("deep", [Cohort("validation", CohortRole.Selection, 30, 1, 1)]);

        var error = Assert.Throws<InvalidOperationException>(() => StudyReportBuilder.Build("s", [model], [], null, "", new Dictionary<string, string>()));

        Assert.Contains("'deep'", error.Message);
    }
}
