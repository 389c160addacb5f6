using OlnmMl.AutoML.Store;
using OlnmMl.Cohorts.Synthetic;
using OlnmMl.Workflows.Jobs;

namespace OlnmMl.Workflows.Tests.Trials;

/// <summary>
/// ASHA over deep trials on the tiny cohort, once continuing promoted trials from their parents' training states
/// (<c>asha-continue: "true"</c>) and once training them from scratch (<c>"false"</c>), under one epoch budget: every trial
/// both runs have gives the same objective and byte-identical predictions (a continuation is the same training as a
/// restart), while the continued trials pay only the epochs past their parents' budgets.
/// </summary>
public sealed class FusionAshaContinuationTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("olnm-asha-continue-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string Experiment(string continuation) => $$"""
        name: asha-{{continuation}}
        seed: 5
        data:
          source: synthetic:tiny
          selection: internal-validation
          external: [test-h5, test-h6]
          options: {crop: "24", spacing: "2", device: cpu, asha-continue: "{{continuation}}"}
        objective: auc
        tuner: {kind: asha, min-epochs: 1, max-epochs: 3, reduction-factor: 2}
        budget: {epochs: 8, parallel: 1}
        space:
          trial: {value: deep}
          backbone: {value: resnet10-tiny}
          learning-rate: {float: [0.0003, 0.01], log: true}
        """;

    private SqliteStudyStore Run(string continuation)
    {
        var path = Path.Combine(_root, $"asha-{continuation}.yaml");
        File.WriteAllText(path, Experiment(continuation));
        var result = MainJob.Run(
            new MainJobOptions
            {
                Preset = CohortPreset.Tiny,
                ExperimentPath = path,
                DataDirectory = Path.Combine(_root, "data"),
                OutputDirectory = Path.Combine(_root, "reports"),
                StudiesDirectory = Path.Combine(_root, "studies"),
            },
            new RecordingProgress());
        return SqliteStudyStore.Open(result.StudyPath);
    }

    private string Predictions(SqliteStudyStore store, int trial) =>
        File.ReadAllText(Path.Combine(_root, "studies", Path.GetFileNameWithoutExtension(store.Path) + ".artefacts", $"trial-{trial:D5}", "predictions.tsv"));

    [Fact]
    public void Continuing_gives_the_trials_of_restarting_at_fewer_epochs()
    {
        using var continued = Run("true");
        using var restarted = Run("false");
        var (c, r) = (continued.GetTrials(), restarted.GetTrials());
        var promoted = c.Where(t => t.PromotedFrom is not null).ToArray();

        Assert.NotEmpty(promoted);
        Assert.True(r.Count <= c.Count);
        Assert.All(r, trial =>
        {
            Assert.Equal(trial.Objective, c[trial.Number].Objective);
            Assert.Equal(Predictions(restarted, trial.Number), Predictions(continued, trial.Number));
        });
        Assert.All(promoted, t => Assert.Equal(
            Enumerable.Range(continued.GetTrial(t.PromotedFrom!.Value).Budget!.Value, t.Budget!.Value - continued.GetTrial(t.PromotedFrom!.Value).Budget!.Value),
            continued.GetIntermediateValues(t.Number).Select(v => v.Step)));
        Assert.All(r.Where(t => t.PromotedFrom is not null), t => Assert.Equal(t.Budget, restarted.GetIntermediateValues(t.Number).Count));

        // Only a trial below the top rung (3 epochs) can be promoted, so only such a trial keeps a training state, and only when promotions continue.
        Assert.All(c, t => Assert.Equal(t.Budget < 3, HasState(continued, t.Number)));
        Assert.Contains(c, t => t.Budget == 3);
        Assert.All(r, t => Assert.False(HasState(restarted, t.Number)));
    }

    private bool HasState(SqliteStudyStore store, int trial) =>
        File.Exists(Path.Combine(_root, "studies", Path.GetFileNameWithoutExtension(store.Path) + ".artefacts", $"trial-{trial:D5}", "training-state.bin"));
}
