using Npgsql;
using OlnmMl.Tests.Shared;

namespace OlnmMl.Cli.Tests;

/// <summary>
/// <c>olnm sweep worker</c> on a PostgreSQL study, then <c>sweep status</c>, <c>sweep leaderboard</c> and <c>report</c> reading it
/// with <c>--storage</c>; a wrong password, an unreachable server and a study created from another experiment are
/// each one error line, and nothing is written.
/// </summary>
[Collection("console")]
public sealed class SweepWorkerCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("olnm-worker-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Experiment(string svmC)
    {
        var path = Path.Combine(_directory, $"worker-{svmC.Replace(' ', '-').Replace(',', '-')}.yaml");
        File.WriteAllText(path, $$"""
            name: worker
            seed: 7
            data:
              source: synthetic:tiny
              selection: internal-validation
              external: [test-h5, test-h6]
              options: {crop: "32", spacing: "1.5"}
            objective: auc
            tuner: {kind: random}
            budget: {trials: 3, parallel: 1}
            space:
              trial: {choice: [radiomics-svm]}
              top-k: {int: [5, 20]}
              svm-c: {float: [{{svmC}}], log: true}
            """);
        return path;
    }

    private static string Uri(PostgresTestDatabase database, string? password = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        return $"postgresql://{builder.Username}:{password ?? builder.Password}@{builder.Host}:{builder.Port}/{builder.Database}?options=-c%20search_path%3D{database.Schema}";
    }

    [SkippableFact]
    public void A_worker_runs_the_study_and_status_and_leaderboard_read_it_from_postgresql()
    {
        using var database = PostgresTestDatabase.Create();
        var storage = Uri(database);
        var artefacts = Path.Combine(_directory, "artefacts");
        var (code, output, error) = InProcessOlnm.Run(
            "sweep", "worker", "--storage", storage, "--study", "w1", "--experiment", Experiment("0.1, 100"), "--artefacts", artefacts, "--data", Path.Combine(_directory, "data"));
        Assert.True(code == 0, error + output);

        (code, output, error) = InProcessOlnm.Run("sweep", "status", "w1", "--storage", storage);
        Assert.True(code == 0, error);
        Assert.Contains("trials 3/3: complete 3", output);
        Assert.DoesNotContain(":olnm@", output); // no password in messages

        (code, output, error) = InProcessOlnm.Run("sweep", "leaderboard", "w1", "--storage", storage, "--artefacts", artefacts);
        Assert.True(code == 0, error);
        Assert.Contains("radiomics-svm", output);

        // The report reads the study from PostgreSQL and the cohort from the artefacts the worker kept (no regeneration).
        var report = Path.Combine(_directory, "report");
        (code, output, error) = InProcessOlnm.Run("report", "w1", "--storage", storage, "--artefacts", artefacts, "--out", report, "--data", Path.Combine(_directory, "no-data"));
        Assert.True(code == 0, error + output);
        Assert.DoesNotContain("note:", output);
        Assert.True(File.Exists(Path.Combine(report, "report.html")), output);
        Assert.False(Directory.Exists(Path.Combine(_directory, "no-data")), "the report regenerated the cohort");

        // The same study name with another search space: one error line, no trial added.
        (code, _, error) = InProcessOlnm.Run(
            "sweep", "worker", "--storage", storage, "--study", "w1", "--experiment", Experiment("0.5, 50"), "--artefacts", artefacts, "--data", Path.Combine(_directory, "data"));
        Assert.Equal(1, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("study 'w1' was created from another experiment", line);
        Assert.Contains("svm-c", line);
        (_, output, _) = InProcessOlnm.Run("sweep", "status", "w1", "--storage", storage);
        Assert.Contains("trials 3/3", output);
    }

    [SkippableFact]
    public void A_wrong_password_and_an_unreachable_server_are_one_error_line_each()
    {
        using var database = PostgresTestDatabase.Create();
        foreach (var (storage, expected) in new[]
        {
            (Uri(database, password: "NotThePassword7"), "refused the login"),
            ("postgresql://olnm:olnm@127.0.0.1:1/postgres", "cannot reach the PostgreSQL server"),
        })
        {
            var (code, _, error) = InProcessOlnm.Run(
                "sweep", "worker", "--storage", storage, "--study", "w2", "--experiment", Experiment("0.1, 100"), "--artefacts", Path.Combine(_directory, "artefacts"));
            Assert.Equal(1, code);
            var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(expected, line);
            Assert.DoesNotContain("NotThePassword7", line);
        }

        Assert.False(Directory.Exists(Path.Combine(_directory, "artefacts")));
    }
}
