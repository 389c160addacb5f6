using OlnmMl.Cohorts.Synthetic;
using OlnmMl.Onnx.Scoring;
using OlnmMl.Workflows.Jobs;

namespace OlnmMl.Workflows.Tests;

/// <summary>
/// A two-modality, two-target study end to end on the petct-tiny cohort (60 cases): CT and PET crops, CT and PET
/// radiomics, the PET/CT signature (two encoders), PET-only and clinical models for N1 and for N2, then a leaderboard,
/// report and exported best model per target and the risk-group report across both.
/// </summary>
public sealed class PetCtStudyEndToEndTests : IDisposable
{
    private const string Experiment = """
        name: petct-e2e
        seed: 5
        data:
          source: synthetic:petct-tiny
          selection: internal-validation
          external: [test-external, test-prospective]
          options: {channels: "ct,pet", crop: "16", spacing: "3", epochs: "2", radiomics-images: "ct,pet"}
        objective: auc
        tuner: {kind: grid}
        budget: {trials: 6, parallel: 2, time-minutes: 10}
        space:
          trial: {choice: [deep, clinical]}
          target: {choice: [n1, n2]}
          inputs: {choice: [ct+pet, pet], when: {trial: [deep]}}
          encoders: {value: separate, when: {trial: [deep]}}
          backbone: {value: resnet10-tiny, when: {trial: [deep]}}
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("olnm-petct-e2e-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void EveryTargetGetsItsOwnLeaderboardReportAndModel_AndRiskGroupsCombineThem()
    {
        var experiment = Path.Combine(_root, "petct.yaml");
        File.WriteAllText(experiment, Experiment);
        var progress = new RecordingProgress();

        var run = MainJob.Run(
            new MainJobOptions { Preset = CohortPreset.PetCtTiny, ExperimentPath = experiment, DataDirectory = Path.Combine(_root, "data"), OutputDirectory = Path.Combine(_root, "reports") },
            progress);

        Assert.Equal(["cohort", "radiomics ct", "radiomics pet", "crops", "sweep", "report n1", "onnx n1", "report n2", "onnx n2"], progress.Stages);
        Assert.Equal(["n1", "n2"], run.Targets.Select(t => t.Target));
        var header = File.ReadLines(Directory.GetFiles(Path.GetDirectoryName(run.RadiomicsTablePath)!, "radiomics-ct+pet-*.csv").Single()).First();
        Assert.Contains(",ct_original_", header);
        Assert.Contains(",pet_original_", header);
        foreach (var target in run.Targets)
        {
            // Each target's leaderboard ranks only its own three trials (signature, PET-only, clinical).
            var rows = File.ReadAllLines(target.LeaderboardCsv).Skip(1).ToArray();
            Assert.Equal(3, rows.Length);
            Assert.All(rows, row => Assert.Contains($"target={target.Target}", row));
            Assert.Equal(target.Target, Path.GetFileName(Path.GetDirectoryName(target.LeaderboardCsv)));
            var html = System.Net.WebUtility.HtmlDecode(File.ReadAllText(target.ReportPath));
            Assert.Contains("deep ct+pet separate", html);
            Assert.Contains("deep pet", html);
            Assert.Contains("<h2>Reclassification</h2>", html); // every model against the clinical one
            Assert.Contains($"{target.Target.ToUpperInvariant()} (prevalence %)", html); // Table 1 counts this target's cases
            Assert.InRange(target.OnnxMaxDifference, 0, 1e-4);
            using var scorer = new OnnxScorer(target.OnnxPath);
            Assert.Equal(target.BestModel, scorer.Metadata.Pipeline);
        }

        Assert.NotNull(run.RiskGroupReportPath);
        Assert.Contains("Recurrence by risk group", File.ReadAllText(run.RiskGroupReportPath));
    }
}
