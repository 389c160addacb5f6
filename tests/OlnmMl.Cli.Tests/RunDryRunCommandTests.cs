namespace OlnmMl.Cli.Tests;

/// <summary>
/// <c>olnm run --dry-run</c> says what the job would do without doing any of it, and after a run counts what is done.
/// </summary>
[Collection("console")]
public sealed class RunDryRunCommandTests : IDisposable
{
    // A grid of 2 × 2 clinical trials (p-enter × target) capped at 3 by the budget: the plan must count 3, not 4.
    private const string Experiment = """
        name: plan
        seed: 3
        data:
          source: synthetic:petct-tiny
          selection: internal-validation
          external: [test-external, test-prospective]
          options: {channels: "ct,pet", crop: "16", spacing: "3"}
        objective: auc
        tuner: {kind: grid}
        budget: {trials: 3, parallel: 2, time-minutes: 5}
        space:
          trial: {choice: [clinical]}
          target: {choice: [n1, n2]}
          p-enter: {choice: ["0.1", "0.05"]}
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("olnm-dry-run-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void ADryRunPlansWithoutTouchingTheDataAndAfterARunCountsTheCompleteTrials()
    {
        var experiment = Path.Combine(_directory, "plan.yaml");
        File.WriteAllText(experiment, Experiment);
        var (data, reports) = (Path.Combine(_directory, "data"), Path.Combine(_directory, "reports"));
        string[] Args(params string[] more) => ["run", "--experiment", experiment, "--data", data, "--out", reports, "--studies", Path.Combine(_directory, "studies"), .. more];

        var (code, output, error) = InProcessOlnm.Run(Args("--dry-run"));

        Assert.True(code == 0, error);
        Assert.Contains($"{Path.Combine(data, "petct-tiny-seed42")} (does not exist yet: generated first)", output);
        Assert.Contains("targets       n1, n2", output);
        Assert.Contains("trials        3, 2 at a time: clinical 3", output);
        Assert.Contains("no trial has run yet", output);
        Assert.False(Directory.Exists(data), "a dry run generated data");
        Assert.False(Directory.Exists(Path.Combine(reports, "plan-petct-tiny-seed42")), "a dry run made the run folder");

        var (run, _, runError) = InProcessOlnm.Run(Args());
        Assert.True(run == 0, runError);
        (code, output, error) = InProcessOlnm.Run(Args("--dry-run"));

        Assert.True(code == 0, error);
        Assert.Matches(@"data          \S+petct-tiny-seed42: \d+ cases \(test-external \d+, test-prospective \d+, train \d+, validation \d+\)", output);
        Assert.Matches(@"done          3 trials complete, \d\d:\d\d:\d\d each on average; about 00:00:00 left", output);
    }
}
