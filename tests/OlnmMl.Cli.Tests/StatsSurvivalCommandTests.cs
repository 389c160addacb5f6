using System.Text.Json;

namespace OlnmMl.Cli.Tests;

/// <summary><c>olnm stats survival</c> on R's lung data (fixture of OlnmMl.Evaluation.Tests) and on bad tables.</summary>
[Collection("console")]
public sealed class StatsSurvivalCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("olnm-survival-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string Fixtures
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OlnmMl.sln"))) directory = directory.Parent;
            return Path.Combine(directory?.FullName ?? throw new DirectoryNotFoundException("No OlnmMl.sln above the test assembly."), "tests", "OlnmMl.Evaluation.Tests", "Data", "survival");
        }
    }

    [Fact]
    public void LungBySexWithACoxModelEqualsR()
    {
        string json = Path.Combine(_directory, "s.json");

        var (code, output, error) = InProcessOlnm.Run(
            "stats", "survival", "--data", Path.Combine(Fixtures, "lung.csv"), "--time", "time", "--event", "event",
            "--group", "sex", "--covariates", "sex,age,ph_ecog", "--out", json);

        Assert.True(code == 0, error);
        using var r = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures, "lung.json")));
        using var ours = JsonDocument.Parse(File.ReadAllText(json));
        var root = ours.RootElement;

        // Medians: R's overall curve and the curves of sex 1 and 2, in that order in both files.
        var rCurves = r.RootElement.GetProperty("km").EnumerateArray().ToArray();
        var curves = root.GetProperty("kaplan_meier").EnumerateArray().ToArray();
        Assert.Equal(["all", "1", "2"], curves.Select(c => c.GetProperty("group").GetString()));
        for (int g = 0; g < 3; g++)
        {
            var median = curves[g].GetProperty("curve").GetProperty("median");
            Close(rCurves[g].GetProperty("median"), median.GetProperty("median"));
            Close(rCurves[g].GetProperty("median_lower"), median.GetProperty("ci_lower"));
            Close(rCurves[g].GetProperty("median_upper"), median.GetProperty("ci_upper"));
        }

        var rLogRank = r.RootElement.GetProperty("logrank")[0];
        Assert.Equal("sex", rLogRank.GetProperty("group_column").GetString());
        Close(rLogRank.GetProperty("chisq"), root.GetProperty("log_rank").GetProperty("chi_square"));
        Close(rLogRank.GetProperty("p"), root.GetProperty("log_rank").GetProperty("p_value"));

        var rCox = r.RootElement.GetProperty("cox")[0];
        Assert.Equal("efron", rCox.GetProperty("ties").GetString());
        var coefficients = root.GetProperty("cox").GetProperty("coefficients").EnumerateArray().ToArray();
        for (int j = 0; j < 3; j++)
        {
            Close(rCox.GetProperty("coef")[j], coefficients[j].GetProperty("coefficient"));
            Close(rCox.GetProperty("se")[j], coefficients[j].GetProperty("std_err"));
            Close(rCox.GetProperty("hr_lower")[j], coefficients[j].GetProperty("hazard_ratio_ci_lower"));
            Close(rCox.GetProperty("p")[j], coefficients[j].GetProperty("p_value"));
        }

        Close(rCox.GetProperty("lr").GetProperty("statistic"), root.GetProperty("cox").GetProperty("likelihood_ratio").GetProperty("statistic"));
        Close(rCox.GetProperty("concordance"), root.GetProperty("cox").GetProperty("concordance").GetProperty("value"));
        Assert.Contains("all: 227 cases, 164 events, median survival 310 (95% CI 285–363)", output);
        Assert.Contains("log-rank across sex (1, 2):", output);
        Assert.Contains("  ph_ecog", output);
    }

    [Theory]
    [InlineData("time,event,x\n1,1,2\n-3,0,1\n", "line 3, column 'time': time -3 is not a finite number ≥ 0")]
    [InlineData("time,event,x\n1,1,2\nsoon,0,1\n", "line 3, column 'time': 'soon' is not a number")]
    [InlineData("time,event,x\n1,1,2\n4,0,1\n5,,1\n", "line 4, column 'event': label '' is not 1/0 or true/false")]
    [InlineData("time,event,x\n1,1,2\n4,2,1\n", "line 3, column 'event': label '2' is not 1/0 or true/false")]
    [InlineData("time,event,x\n1,1,2\n,0,1\n", "line 3, column 'time': the time is missing")]
    [InlineData("time,event,x\n1,0,2\n4,0,1\n", "column 'event' has no event (1) in its 2 rows")]
    [InlineData("time,status,x\n1,1,2\n4,0,1\n", "no column 'event'; the header has: time, status, x")]
    [InlineData("time,event,x\n1,1,2\n4,0,NA\n", "line 3, column 'x': the value is missing")]
    [InlineData("time,event,x\n1,1,2\n4,0,2\n", "covariate 'x' is constant (every case has 2)")]
    public void BadInputIsOneLineNamingTheFileAndWhere(string csv, string problem)
    {
        string data = Path.Combine(_directory, "bad.csv");
        File.WriteAllText(data, csv);
        string json = Path.Combine(_directory, "s.json");

        var (code, _, error) = InProcessOlnm.Run("stats", "survival", "--data", data, "--time", "time", "--event", "event", "--covariates", "x", "--out", json);

        Assert.Equal(1, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: {data}", line);
        Assert.Contains(problem, line);
        Assert.False(File.Exists(json), "nothing is written for bad input");
    }

    private static void Close(JsonElement expected, JsonElement actual)
    {
        double r = expected.GetDouble(), ours = actual.GetDouble();
        Assert.True(Math.Abs(ours - r) <= 1e-6 * Math.Max(1, Math.Abs(r)), $"R {r:R}, ours {ours:R}");
    }
}
