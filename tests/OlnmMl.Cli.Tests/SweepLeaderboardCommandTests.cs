namespace OlnmMl.Cli.Tests;

/// <summary>
/// <c>olnm sweep leaderboard</c> on a two-target study (petct-tiny, a clinical model per target, made by <c>olnm run</c>):
/// one leaderboard per target, each ranking only that target's trial, and the oracle of the cohort's truth file; the study is
/// found by name where the sweep commands look, and its report is drawn without the cohort's data folder.
/// </summary>
[Collection("console")]
public sealed class SweepLeaderboardCommandTests : IDisposable
{
    private const string Experiment = """
        name: two-targets
        seed: 3
        data:
          source: synthetic:petct-tiny
          selection: internal-validation
          external: [test-external, test-prospective]
          options: {channels: "ct,pet", crop: "16", spacing: "3"}
        objective: auc
        tuner: {kind: grid}
        budget: {trials: 2, parallel: 1, time-minutes: 5}
        space:
          trial: {choice: [clinical]}
          target: {choice: [n1, n2]}
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("olnm-leaderboard-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void ATwoTargetStudyPrintsAndWritesOneLeaderboardPerTargetWithTheOracle()
    {
        var experiment = Path.Combine(_directory, "two-targets.yaml");
        File.WriteAllText(experiment, Experiment);
        var data = Path.Combine(_directory, "data");
        var studies = Path.Combine(_directory, "studies");
        var (run, _, runError) = InProcessOlnm.Run("run", "--experiment", experiment, "--data", data, "--out", Path.Combine(_directory, "reports"), "--studies", studies);
        Assert.True(run == 0, runError);
        // The study olnm run made is found by its name (experiment-data) where the sweep commands look.
        const string Study = "two-targets-petct-tiny-seed42";
        var (statusCode, status, statusError) = InProcessOlnm.Run("sweep", "status", Study, "--studies", studies);
        Assert.True(statusCode == 0, statusError);
        Assert.Contains("complete 2,", status);
        var study = Path.Combine(studies, Study + ".db");
        var manifest = Directory.GetFiles(data, "manifest.csv", SearchOption.AllDirectories).Single();

        var (code, output, error) = InProcessOlnm.Run("sweep", "leaderboard", study, "--manifest", manifest, "--out", Path.Combine(_directory, "boards"));

        Assert.True(code == 0, error);
        Assert.True(output.IndexOf("## target n1", StringComparison.Ordinal) is >= 0 and var n1 && output.IndexOf("## target n2", StringComparison.Ordinal) > n1, output);
        foreach (var target in new[] { "n1", "n2" })
        {
            var rows = File.ReadAllLines(Path.Combine(_directory, "boards", target, "leaderboard.csv"));
            var header = rows[0].Split(',');
            Assert.Contains("test-external_oracle_auc", header);
            var trial = Assert.Single(rows.Skip(1));
            Assert.Contains($"target={target}", trial);
        }

        // The report is drawn from the study and its artefacts alone: with the cohort's data folder gone, nothing is regenerated.
        Directory.Delete(data, recursive: true);
        var (reportCode, report, reportError) = InProcessOlnm.Run("report", Study, "--studies", studies, "--data", data, "--out", Path.Combine(_directory, "report"));
        Assert.True(reportCode == 0, reportError);
        Assert.DoesNotContain("note:", report);
        Assert.False(Directory.Exists(data), "the report regenerated the cohort");
        Assert.True(File.Exists(Path.Combine(_directory, "report", "n1", "report.html")), report);
    }
}
