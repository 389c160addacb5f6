namespace OlnmMl.Cli.Tests;

/// <summary>
/// A sweep with <c>selection: leave-one-centre-out</c> through real <c>olnm</c> processes on the synthetic tiny cohort
/// (development centres h1–h4): every trial completes, the leaderboard has one Selection column per held-out centre
/// and says which cohorts each decision saw, and each trial records its folds.
/// </summary>
public sealed class LeaveOneCentreOutSweepTests : IDisposable
{
    private const string Experiment = """
        name: loco
        seed: 5
        data:
          source: synthetic:tiny
          selection: leave-one-centre-out
          external: [test-h5, test-h6]
        objective: auc
        tuner: {kind: grid}
        budget: {trials: 2, parallel: 1}
        space:
          trial: {choice: [radiomics-svm, clinical]}
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("olnm-loco-sweep-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_leave_one_centre_out_sweep_completes_and_its_leaderboard_has_a_column_per_held_out_centre()
    {
        var experiment = Path.Combine(_directory, "loco.yaml");
        File.WriteAllText(experiment, Experiment);
        var studies = Path.Combine(_directory, "studies");

        var run = OlnmProcess.Run("sweep", "run", experiment, "--studies", studies, "--data", Path.Combine(_directory, "data"));
        Assert.True(run.ExitCode == 0, run.Error);
        var board = OlnmProcess.Run("sweep", "leaderboard", Path.Combine(studies, "loco.db"), "--out", Path.Combine(_directory, "board"));

        Assert.True(board.ExitCode == 0, board.Error);
        var rows = File.ReadAllLines(Path.Combine(_directory, "board", "leaderboard.csv"));
        Assert.Equal(3, rows.Length); // header and both trials
        foreach (var centre in new[] { "h1", "h2", "h3", "h4" })
        {
            Assert.Contains(rows[0].Split(','), column => column.StartsWith($"loco-{centre}_", StringComparison.Ordinal));
        }

        Assert.DoesNotContain(rows[0].Split(','), column => column.StartsWith("validation_", StringComparison.Ordinal));
        Assert.Contains("Leave-one-centre-out selection: the objective is the mean over development centres", board.Output);
        Assert.Contains("not a pooled AUC", File.ReadAllText(Path.Combine(_directory, "board", "leaderboard.md")));
        var folds = Directory.GetFiles(Path.Combine(studies, "loco.artefacts"), "folds.json", SearchOption.AllDirectories);
        Assert.Equal(2, folds.Length);
    }
}
