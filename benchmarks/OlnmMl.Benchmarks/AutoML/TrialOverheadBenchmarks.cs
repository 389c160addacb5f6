using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Npgsql;
using OlnmMl.AutoML.Postgres;
using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.Spaces;
using OlnmMl.AutoML.Store;
using OlnmMl.AutoML.Tuners;

namespace OlnmMl.Benchmarks.AutoML;

/// <summary>
/// Tuner + store overhead of one trial with 10,000 finished trials already in a study (target: under 50 ms):
/// propose, start (reserve the number), claim its lease, finish (write the immutable record with per-cohort
/// metrics), release and tell. The tuner was told the 10,000 trials in setup, as a resumed sweep would be.
/// Stores: a SQLite file, and a PostgreSQL study in the server named by <c>OLNM_TEST_POSTGRES</c> (an Npgsql
/// connection string; a fresh schema, dropped at the end) — start one with <c>.ci/postgres.sh</c>.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class TrialOverheadBenchmarks
{
    private const int ExistingTrials = 10_000;
    private readonly SearchSpace _space = new(
    [
        new CategoricalParameter("trial", ["radiomics-svm", "deep", "fusion"]),
        new FloatParameter("svm-c", 0.01, 100, log: true, new ParameterCondition("trial", ["radiomics-svm"])),
        new IntegerParameter("top-k", 5, 30),
        new CategoricalParameter("backbone", ["resnet18", "resnet34", "resnet50", "densenet121", "swin"], new ParameterCondition("trial", ["deep", "fusion"])),
        new FloatParameter("learning-rate", 1e-5, 1e-2, log: true, new ParameterCondition("trial", ["deep", "fusion"])),
        new CategoricalParameter("fusion", ["add*", "learnable-add*", "concat*", "concat"], new ParameterCondition("trial", ["fusion"])),
    ]);

    private string _folder = "";
    private string? _schema;
    private IStudyStore _store = null!;
    private IStudyLease _lease = null!;
    private ITuner _tuner = null!;
    private int _next;

    /// <summary>Tuner under test.</summary>
    [Params("random", "smac")]
    public string Tuner { get; set; } = "random";

    /// <summary>Store under test.</summary>
    [Params("sqlite", "postgres")]
    public string Store { get; set; } = "sqlite";

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "olnm-automl-bench-" + Guid.NewGuid().ToString("N"));
        var study = new StudyInfo("bench", "", DateTimeOffset.UtcNow);
        _store = Store == "postgres" ? CreatePostgres(study) : SqliteStudyStore.Create(Path.Combine(_folder, "bench.db"), study);
        _lease = _store.AcquireLease("benchmark", TimeSpan.Zero);
        _tuner = Tuner == "smac" ? new SmacTuner(_space, 1) : new RandomTuner(_space, 1);
        var random = new Random(1);
        for (var n = 0; n < ExistingTrials; n++)
        {
            var started = _store.StartTrial(new TrialStart(_space.Sample(random), n, null, null, DateTimeOffset.UtcNow));
            var finished = Finish(started, random.NextDouble());
            _store.FinishTrial(finished);
            _tuner.Tell(SweepObservation(finished));
        }

        _next = ExistingTrials;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _lease.Dispose();
        _store.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        if (_schema is not null)
        {
            using var server = NpgsqlDataSource.Create(Server);
            using var drop = server.CreateCommand($"DROP SCHEMA {_schema} CASCADE");
            drop.ExecuteNonQuery();
        }
    }

    /// <summary>One trial's bookkeeping: propose, start, finish, tell.</summary>
    [Benchmark]
    public int OneTrial()
    {
        var suggestion = _tuner.Propose(_next)!;
        var started = _store.TryStartTrial(_next, new TrialStart(suggestion.Parameters, _next, suggestion.Budget, suggestion.PromotedFrom, DateTimeOffset.UtcNow))!;
        _lease.TryClaim(started.Number);
        var finished = Finish(started, 0.5 + (0.001 * (_next % 100)));
        _store.FinishTrial(finished);
        _lease.Release(started.Number);
        _tuner.Tell(SweepObservation(finished));
        return _next++;
    }

    private static string Server => Environment.GetEnvironmentVariable("OLNM_TEST_POSTGRES")
        ?? throw new InvalidOperationException("Set OLNM_TEST_POSTGRES to an Npgsql connection string (see .ci/postgres.sh).");

    private PostgresStudyStore CreatePostgres(StudyInfo study)
    {
        _schema = $"olnm_bench_{Guid.NewGuid():N}";
        using (var server = NpgsqlDataSource.Create(Server))
        using (var create = server.CreateCommand($"CREATE SCHEMA {_schema}"))
        {
            create.ExecuteNonQuery();
        }

        return PostgresStudyStore.Create(new NpgsqlConnectionStringBuilder(Server) { SearchPath = _schema }.ConnectionString, study);
    }

    private static TunerObservation SweepObservation(TrialRecord trial) => new(trial.Number, trial.Parameters, true, -trial.Objective, trial.Budget, trial.PromotedFrom);

    private static TrialRecord Finish(TrialRecord started, double auc)
    {
        var metrics = new[] { "validation", "test1", "test2" }.ToImmutableSortedDictionary(
            c => c,
            _ => new Dictionary<string, double> { ["auc"] = auc, ["auc_ci_lower"] = auc - 0.05, ["auc_ci_upper"] = auc + 0.05, ["brier"] = 0.2, ["n"] = 200, ["positives"] = 100 }
                .ToImmutableSortedDictionary(StringComparer.Ordinal),
            StringComparer.Ordinal);
        return started with
        {
            Status = TrialStatus.Complete,
            Objective = auc,
            Duration = TimeSpan.FromSeconds(1),
            Metrics = metrics,
            Artefacts = ImmutableSortedDictionary<string, string>.Empty.Add("predictions", $"trial-{started.Number:D5}/predictions.tsv"),
        };
    }
}
