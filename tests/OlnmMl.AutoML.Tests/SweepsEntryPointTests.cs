using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.SweepHost;

namespace OlnmMl.AutoML.Tests;

/// <summary>The CLI entry points end to end: run, status, leaderboard, and the refusal to run over a study.</summary>
public class SweepsEntryPointTests
{
    [Fact]
    public async Task Run_status_and_leaderboard_agree_on_the_study()
    {
        using var folder = new TempDirectory();
        var experiment = SweepRunnerTests.Experiment(tuner: "asha", trials: 9, parallel: 2) with { Name = "entry" };
        var location = StudyLocation.ForName("entry", folder.Path);
        var registry = new TrialFactoryRegistry().Register(new SyntheticTrialFactory(TimeSpan.Zero, failAbove: 1.8));
        var lines = new StringWriter();
        var summary = await Sweeps.RunAsync(experiment, location, registry, new PlainLineProgress(lines));

        var status = Sweeps.GetStatus("entry", folder.Path);
        Assert.Equal(9, status.Trials);
        Assert.Equal((summary.Complete, summary.Failed), (status.Complete, status.Failed));
        Assert.Equal(summary.BestTrial, status.BestTrial);
        Assert.Equal(9, lines.ToString().Split('\n').Count(l => l.Contains("] started", StringComparison.Ordinal)));

        var (csv, markdown) = Sweeps.WriteLeaderboard(location.DatabasePath);
        Assert.Equal(status.Complete + 1, File.ReadAllLines(csv).Length);
        Assert.Contains("never seen by the tuner", File.ReadAllText(markdown));
        Assert.Equal(summary.BestTrial, Sweeps.BuildLeaderboard(location.DatabasePath).Rows[0].Trial.Number);

        var error = await Assert.ThrowsAsync<IOException>(() => Sweeps.RunAsync(experiment, location, registry));
        Assert.Contains("olnm sweep resume", error.Message);
    }
}
