using OlnmMl.AutoML;
using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.Store;
using OlnmMl.Cohorts.Synthetic;
using OlnmMl.Onnx.Graph;
using OlnmMl.Onnx.Scoring;
using OlnmMl.Workflows.Jobs;

namespace OlnmMl.Workflows.Tests;

/// <summary>
/// The 2.5D MIL study end to end on the tiny cohort: slice bags (no cube crops), clinical, MIL and DLRad trials, the
/// combined signature (DLRad score + clinical variables) leading the report with its nomogram, and the DLRad model —
/// network and tabular model (here mRMR → logistic over the joined features) in one graph — exported with ONNX Runtime equal to the in-process predictions.
/// </summary>
public sealed class MilStudyEndToEndTests : IDisposable
{
    private const string Experiment = """
        name: mil-e2e
        seed: 3
        data:
          source: synthetic:tiny
          selection: internal-validation
          external: [test-h5, test-h6]
          options: {spacing: "2", bag-size: "16", bag-max: "8", device: cpu, epochs: "2", combined: dlrad}
        objective: auc
        tuner: {kind: grid}
        budget: {trials: 4, parallel: 2, time-minutes: 10}
        space:
          trial: {choice: [clinical, mil, dlrad]}
          p-enter: {value: "0.1", when: {trial: [clinical]}}
          top-k: {value: "5", when: {trial: [dlrad]}}
          selector: {value: mrmr, when: {trial: [dlrad]}}
          classifier: {value: logistic, when: {trial: [dlrad]}}
          backbone: {value: resnet10-tiny-2d, when: {trial: [mil, dlrad]}}
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("olnm-mil-e2e-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void BagsFeedTheMilKinds_TheCombinedSignatureLeadsTheReport_AndTheDlRadGraphMatchesItsPredictions()
    {
        var experiment = Path.Combine(_root, "mil.yaml");
        File.WriteAllText(experiment, Experiment);
        var options = new MainJobOptions { Preset = CohortPreset.Tiny, ExperimentPath = experiment, DataDirectory = Path.Combine(_root, "data"), OutputDirectory = Path.Combine(_root, "reports") };
        var progress = new RecordingProgress();

        var run = MainJob.Run(options, progress);

        Assert.Equal(["cohort", "radiomics", "bags", "sweep", "report", "onnx"], progress.Stages); // no kind reads cube crops
        var target = Assert.Single(run.Targets);
        var html = System.Net.WebUtility.HtmlDecode(File.ReadAllText(target.ReportPath));
        Assert.Contains("Combined signature: dlrad score and clinical variables", html);
        Assert.Contains("compared with the combined signature (combined)", html);
        Assert.Contains("Paired DeLong tests against the combined signature (combined)", html);
        Assert.Contains("Nomogram", html);
        Assert.InRange(target.OnnxMaxDifference, 0, 1e-4);

        var prepared = MainJob.Prepare(ExperimentYaml.Load(experiment), experiment, options, new RecordingProgress());
        var location = new StudyLocation(run.StudyPath);
        using var store = SqliteStudyStore.Open(run.StudyPath);
        var dlrad = store.GetTrials().Single(t => t.Parameters.GetCategory(ExperimentDefinition.TrialKindParameter) == "dlrad");
        var onnxPath = Path.Combine(_root, "dlrad.onnx");
        var score = prepared.Trials().Of(dlrad.Parameters).Export(dlrad, location.ArtefactRoot, onnxPath, new OnnxModelMetadata());
        using var scorer = new OnnxScorer(onnxPath);
        foreach (var cohort in PredictionsFile.Read(Path.Combine(location.ArtefactRoot, dlrad.Artefacts["predictions"])).Where(c => c.Role == CohortRole.External))
        {
            var cases = prepared.Data.Cohort(cohort.Cohort);
            var actual = score(cases, scorer);
            var expected = cases.Select(c => cohort.Probabilities[cohort.CaseIds.ToList().IndexOf(c.Case.Id)]).ToArray();
            Assert.All(expected.Zip(actual), pair => Assert.InRange(Math.Abs(pair.First - pair.Second), 0, 1e-4));
        }
    }
}
