using OlnmMl.AutoML;
using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.Spaces;
using OlnmMl.AutoML.Store;

namespace OlnmMl.Cli.Tests;

/// <summary><c>olnm clean</c> and <c>olnm sweep status</c> on study files, through the command line.</summary>
[Collection("console")]
public sealed class CleanCommandTests : IDisposable
{
    private const int NetworkBytes = 4096;

    private readonly string _directory = Directory.CreateTempSubdirectory("olnm-clean-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static (int ExitCode, string Output, string Error) Run(params string[] args) => InProcessOlnm.Run(args);

    [Fact]
    public async Task Clean_prunes_all_but_the_best_trials_networks_keeps_every_prediction_and_reports_the_bytes()
    {
        var location = new StudyLocation(Path.Combine(_directory, "studies", "prune.db"));
        var experiment = new ExperimentDefinition
        {
            Name = "prune",
            Seed = 1,
            Data = new ExperimentData("synthetic:test", SelectionStrategy.InternalValidation, [], System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty),
            Tuner = new TunerSpec("random"),
            Budget = new SweepBudget(5, null, null, 1),
            Space = new SearchSpace([new CategoricalParameter("trial", [NetworkTrial.KindName]), new FloatParameter("signal", 0, 2)]),
        };
        await Sweeps.RunAsync(experiment, location, new TrialFactoryRegistry().Register(new NetworkTrial()));
        int best;
        using (var store = SqliteStudyStore.Open(location.DatabasePath))
        {
            best = store.GetTrials().MaxBy(t => t.Objective)!.Number;
        }

        var network = (int n) => Path.Combine(location.ArtefactRoot, $"trial-{n:D5}", "network.bin");
        var (dryCode, dryOutput, _) = Run("clean", "--study", location.DatabasePath, "--keep-best", "1", "--dry-run");
        Assert.Equal(0, dryCode);
        Assert.Contains($"would free {4 * NetworkBytes} bytes", dryOutput);
        Assert.All(Enumerable.Range(0, 5), n => Assert.True(File.Exists(network(n))));

        var (code, output, _) = Run("clean", "--study", location.DatabasePath, "--keep-best", "1");
        Assert.Equal(0, code);
        Assert.Equal(4, output.Split('\n').Count(l => l.StartsWith("removed ", StringComparison.Ordinal) && l.Contains("network.bin", StringComparison.Ordinal)));
        Assert.Contains($"freed {4 * NetworkBytes} bytes", output);
        Assert.All(Enumerable.Range(0, 5), n => Assert.Equal(n == best, File.Exists(network(n))));
        Assert.All(Enumerable.Range(0, 5), n => Assert.True(File.Exists(Path.Combine(location.ArtefactRoot, $"trial-{n:D5}", PredictionsFile.FileName))));
        Assert.Equal(5, Sweeps.BuildLeaderboard(location.DatabasePath).Rows.Count);
    }

    [Fact]
    public void Clean_previous_removes_exactly_what_the_job_moved_aside_under_reports_and_studies()
    {
        var (reports, studies) = (Path.Combine(_directory, "reports"), Path.Combine(_directory, "studies"));
        string[] movedAside =
        [
            Path.Combine(reports, "quickstart-tiny-seed42.previous-20261207114500"),
            Path.Combine(studies, "quickstart-tiny-seed42.artefacts.previous-20261207114500"),
        ];
        string[] movedAsideFiles = [Path.Combine(studies, "quickstart-tiny-seed42.previous-20261207114500.db")];
        string[] kept = [Path.Combine(reports, "quickstart-tiny-seed42"), Path.Combine(studies, "quickstart-tiny-seed42.artefacts")];
        string[] keptFiles = [Path.Combine(studies, "quickstart-tiny-seed42.db")];
        foreach (var folder in movedAside.Concat(kept))
        {
            Directory.CreateDirectory(folder);
        }

        foreach (var file in movedAsideFiles.Concat(keptFiles))
        {
            File.WriteAllText(file, "x");
        }

        var (code, output, error) = Run("clean", "--previous", "--reports", reports, "--studies", studies);

        Assert.True(code == 0, error);
        Assert.Equal(3, output.Split('\n').Count(l => l.StartsWith("removed ", StringComparison.Ordinal)));
        Assert.All(movedAside, folder => Assert.False(Directory.Exists(folder), folder));
        Assert.All(movedAsideFiles, file => Assert.False(File.Exists(file), file));
        Assert.All(kept, folder => Assert.True(Directory.Exists(folder), folder));
        Assert.All(keptFiles, file => Assert.True(File.Exists(file), file));
    }

    [Fact]
    public void Status_of_an_empty_file_is_one_error_line_and_leaves_the_file_empty()
    {
        var empty = Path.Combine(_directory, "empty.db");
        File.WriteAllBytes(empty, []);

        var (code, _, error) = Run("sweep", "status", empty);

        Assert.Equal(1, code);
        Assert.Contains($"{empty}: is empty, not a study database", error);
        Assert.DoesNotContain("unexpected", error);
        Assert.Equal(0, new FileInfo(empty).Length);
    }

    /// <summary>A trial that writes a 4 KiB "network" and predictions whose AUC grows with <c>signal</c>.</summary>
    private sealed class NetworkTrial : ITrialFactory
    {
        public const string KindName = "network";

        public string Name => KindName;

        public long EstimateMemoryBytes(ParameterSet parameters) => 1;

        public Task<TrialOutcome> RunAsync(TrialContext context, CancellationToken cancellationToken)
        {
            File.WriteAllBytes(Path.Combine(context.ArtefactDirectory, "network.bin"), new byte[NetworkBytes]);
            var signal = context.Parameters.GetDouble("signal");
            var random = new Random(context.Seed);
            var labels = Enumerable.Range(0, 40).Select(i => i % 2 == 1).ToArray();
            var p = labels.Select(y => 1 / (1 + Math.Exp(-((signal * (y ? 1 : -1)) + (4 * random.NextDouble()) - 2)))).ToArray();
            var ids = Enumerable.Range(0, 40).Select(i => $"c{i}").ToArray();
            return Task.FromResult(new TrialOutcome(
                [new CohortPredictions("training", CohortRole.Training, ids, labels, p), new CohortPredictions("validation", CohortRole.Selection, ids, labels, p)],
                new Dictionary<string, string> { ["network"] = "network.bin" }));
        }
    }
}
