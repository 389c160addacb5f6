using OlnmMl.AutoML;
using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.Store;
using OlnmMl.Cohorts.Synthetic;
using OlnmMl.Onnx.Scoring;
using OlnmMl.Workflows.Jobs;

namespace OlnmMl.Workflows.Tests;

/// <summary>
/// The main job on the tiny synthetic cohort, end to end: cohort, radiomics, crops, a small sweep with
/// every trial kind, leaderboard, report and ONNX export, then a second run that reuses everything.
/// </summary>
public sealed class MainJobEndToEndTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "olnm-main-job-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>Four trials that cover the radiomics SVM, deep-only and fusion kinds on small crops.</summary>
    private const string Experiment = """
        name: e2e
        seed: 3
        data:
          source: synthetic:tiny
          selection: internal-validation
          external: [test-h5, test-h6]
          options: {crop: "24", spacing: "2"}
        objective: auc
        tuner: {kind: grid}
        budget: {trials: 4, parallel: 2, time-minutes: 10}
        space:
          trial: {choice: [radiomics-svm, deep, fusion]}
          top-k: {value: "5", when: {trial: [radiomics-svm, fusion]}}
          backbone: {value: resnet10-tiny, when: {trial: [deep, fusion]}}
          epochs: {value: "2", when: {trial: [deep, fusion]}}
          fusion: {choice: [concat, "learnable-add*"], when: {trial: [fusion]}}
        """;

    [Fact]
    public void RunsEveryStageThenReusesThemOnASecondRun()
    {
        var experiment = Path.Combine(_root, "e2e.yaml");
        Directory.CreateDirectory(_root);
        File.WriteAllText(experiment, Experiment);
        var options = new MainJobOptions
        {
            Preset = CohortPreset.Tiny,
            ExperimentPath = experiment,
            DataDirectory = Path.Combine(_root, "data"),
            OutputDirectory = Path.Combine(_root, "reports"),
        };
        var progress = new RecordingProgress();

        var run = MainJob.Run(options, progress);
        var result = Assert.Single(run.Targets);
        Assert.Equal("label", result.Target);

        Assert.Equal(["cohort", "radiomics", "crops", "sweep", "report", "onnx"], progress.Stages);
        Assert.Contains("| rank | trial | kind |", File.ReadAllText(result.LeaderboardMarkdown));
        Assert.Equal(5, File.ReadAllLines(result.LeaderboardCsv).Length); // header + 4 trials
        // The ceiling is shown from the generator's truth file, which the feature table never sees.
        Assert.Contains("| — | — | oracle |", File.ReadAllText(result.LeaderboardMarkdown));
        Assert.Contains("lift_share_mean", File.ReadLines(result.LeaderboardCsv).First());
        var truthColumns = File.ReadLines(Path.Combine(Path.GetDirectoryName(run.ManifestPath)!, SyntheticTruth.FileName)).First().Split(',').Skip(1);
        Assert.Empty(File.ReadLines(run.RadiomicsTablePath).First().Split(',', '\t').Intersect(truthColumns));
        var html = File.ReadAllText(result.ReportPath);
        foreach (var section in new[] { "Cohorts", "Selected features", "Discrimination", "Calibration and clinical utility", "Leaderboard", "Provenance" })
        {
            Assert.Contains($"<h2>{section}</h2>", html);
        }

        // Provenance names the code that ran and the synthetic cohort's seed.
        Assert.Contains($"<td>git commit</td><td>{SourceCommit.Current}</td>", html);
        Assert.Contains($"Limitations. The data are a synthetic cohort (tiny-seed{options.CohortSeed}), not patients", html);
        Assert.Contains($"<td>synthetic cohort</td><td>tiny-seed{options.CohortSeed}, seed {options.CohortSeed}</td>", html);

        // The report redrawn from the study alone (the cohort snapshot in its artefacts, no data folder) has the job's Table 1 and leaderboard.
        var location = new StudyLocation(run.StudyPath);
        var snapshot = StudySnapshot.TryRead(ExperimentYaml.Load(experiment), experiment, location.ArtefactRoot);
        Assert.NotNull(snapshot);
        Assert.StartsWith(location.ArtefactRoot, snapshot.ManifestPath, StringComparison.Ordinal);
        string redrawn;
        using (var store = SqliteStudyStore.Open(run.StudyPath))
        {
            redrawn = File.ReadAllText(Assert.Single(MainJob.WriteReports(snapshot, store, location.ArtefactRoot, run.StudyPath, Path.Combine(_root, "redrawn"))));
        }

        Assert.Equal(Section(html, "Cohorts"), Section(redrawn, "Cohorts"));
        Assert.Contains("radiomics-svm: 5 feature(s) selected by decision-tree", Section(redrawn, "Selected features")); // read from the trial's saved model
        Assert.Equal(Section(html, "Selected features"), Section(redrawn, "Selected features"));
        // The job's report lies in report/ below its leaderboard.csv, the redrawn one beside it.
        Assert.Equal(Section(html, "Leaderboard").Replace("../leaderboard.csv", "leaderboard.csv", StringComparison.Ordinal), Section(redrawn, "Leaderboard"));

        // The exported model scores the external cohorts as the in-process model did (ONNX Runtime vs stored predictions).
        Assert.True(File.Exists(result.OnnxPath));
        Assert.InRange(result.OnnxMaxDifference, 0, 1e-4);
        using (var scorer = new OnnxScorer(result.OnnxPath))
        {
            Assert.Equal(result.BestModel, scorer.Metadata.Pipeline);
        }

        var firstWrite = File.GetLastWriteTimeUtc(run.RadiomicsTablePath);
        var second = MainJob.Run(options, new RecordingProgress());

        Assert.Equal(firstWrite, File.GetLastWriteTimeUtc(second.RadiomicsTablePath)); // radiomics reused, not re-extracted
        Assert.Equal(run.StudyPath, second.StudyPath);
        Assert.Equal(5, File.ReadAllLines(second.Targets[0].LeaderboardCsv).Length); // the finished sweep is resumed, not repeated
    }

    /// <summary>The HTML from <c>&lt;h2&gt;NAME&lt;/h2&gt;</c> to the next heading of that level.</summary>
    private static string Section(string html, string name)
    {
        var start = html.IndexOf($"<h2>{name}</h2>", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {name}");
        var end = html.IndexOf("<h2>", start + 4, StringComparison.Ordinal);
        return end < 0 ? html[start..] : html[start..end];
    }
}
