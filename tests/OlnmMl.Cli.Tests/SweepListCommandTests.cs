namespace OlnmMl.Cli.Tests;

/// <summary><c>olnm sweep list</c> on a folder with a real study (made by <c>sweep run</c>) and a file that is not one.</summary>
[Collection("console")]
public sealed class SweepListCommandTests : IDisposable
{
    private const string Experiment = """
        name: listed
        seed: 3
        data:
          source: synthetic:tiny
          selection: internal-validation
          external: [test-h5, test-h6]
        objective: auc
        tuner: {kind: grid}
        budget: {trials: 2, parallel: 1}
        space:
          trial: {choice: [clinical]}
          p-enter: {choice: ["0.1", "0.2"]}
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("olnm-sweep-list-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void EveryStudyIsOneLineWithItsProgressAndBest_AndAFileThatIsNotAStudyIsOneErrorLine()
    {
        var (studies, experiment) = (Path.Combine(_directory, "studies"), Path.Combine(_directory, "listed.yaml"));
        File.WriteAllText(experiment, Experiment);
        var (run, _, runError) = InProcessOlnm.Run("sweep", "run", experiment, "--studies", studies, "--data", Path.Combine(_directory, "data"));
        Assert.True(run == 0, runError);

        var (code, output, error) = InProcessOlnm.Run("sweep", "list", "--studies", studies);

        Assert.True(code == 0, error);
        Assert.Matches(@"^listed +2/2 complete, 0 failed, 0 running; best \d\.\d{3} \(trial [01]\); created \d{4}-\d\d-\d\d \d\d:\d\d UTC; .*listed\.db\r?\n$", output);

        File.WriteAllText(Path.Combine(studies, "notes.db"), "not a database");
        (code, output, error) = InProcessOlnm.Run("sweep", "list", "--studies", studies);

        Assert.Equal(1, code);
        Assert.StartsWith("listed ", output);
        Assert.Equal($"error: {Path.Combine(studies, "notes.db")}: is not a study database", error.Trim()[..(error.Trim().IndexOf(" (", StringComparison.Ordinal))]);
    }
}
