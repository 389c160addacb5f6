using OlnmMl.Evaluation.Roc;

namespace OlnmMl.Cli.Tests;

/// <summary><c>olnm stats roc</c> as a user meets it: a summary printed, degenerate statistics reported as errors (exit 1), never only inside the JSON.</summary>
[Collection("console")]
public sealed class StatsRocCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("olnm-roc-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void PrintsTheAucWithItsDeLongIntervalPerCohort()
    {
        // Hanley & McNeil style toy: cohort a has scores 1..6 with positives at 4, 5, 6 except one swap.
        var data = Write("id,y,s,c\n1,0,1,a\n2,0,2,a\n3,1,3,a\n4,0,4,a\n5,1,5,a\n6,1,6,a\n");
        var expected = DeLong.Estimate([1, 2, 3, 4, 5, 6], [false, false, true, false, true, true]);

        var (code, output, error) = InProcessOlnm.Run("stats", "roc", "--data", data, "--label", "y", "--score", "s", "--cohort-column", "c", "--out", Path.Combine(_directory, "s.json"));

        Assert.True(code == 0, error);
        Assert.Equal(8.0 / 9, expected.Auc, 12); // 8 of the 9 positive-negative pairs are ordered
        Assert.Contains($"a: s AUC {expected.Auc:0.000} (95% CI {expected.CiLower:0.000}–{expected.CiUpper:0.000}), 3 positive / 3 negative", output);
    }

    [Fact]
    public void OneClassDataExitsOneNamingTheFileAndTheReason()
    {
        var data = Write("id,y,s\n1,1,0.2\n2,1,0.4\n3,1,0.9\n");
        var json = Path.Combine(_directory, "s.json");

        var (code, _, error) = InProcessOlnm.Run("stats", "roc", "--data", data, "--label", "y", "--score", "s", "--out", json);

        Assert.Equal(1, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(data, line);
        Assert.Contains("no negative cases", line);
        Assert.True(File.Exists(json), "the JSON with the reason is still written");
    }

    [Fact]
    public void AConstantScoreHasNoConfidenceIntervalAndIsReported()
    {
        var data = Write("id,y,s\n1,1,0.5\n2,0,0.5\n3,1,0.5\n4,0,0.5\n5,0,0.5\n");

        var (code, output, error) = InProcessOlnm.Run("stats", "roc", "--data", data, "--label", "y", "--score", "s", "--out", Path.Combine(_directory, "s.json"));

        Assert.Equal(1, code);
        Assert.Contains("AUC 0.500 (95% CI n/a–n/a)", output);
        Assert.Contains("all finite scores are equal", error);
    }

    [Fact]
    public void AnAbsentTrainingCohortIsOneLineNamingTheCohortsThatExist()
    {
        var data = Write("id,y,s,c\n1,0,1,train\n2,1,2,train\n3,0,1,test\n4,1,2,test\n");

        var (code, _, error) = InProcessOlnm.Run("stats", "roc", "--data", data, "--label", "y", "--score", "s", "--cohort-column", "c", "--training-cohort", "training", "--out", Path.Combine(_directory, "s.json"));

        Assert.Equal(1, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"error: {data}: training cohort 'training' is not in column 'c' (cohorts: train, test)", line);
    }

    private string Write(string csv)
    {
        var path = Path.Combine(_directory, $"scores-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, csv);
        return path;
    }
}
