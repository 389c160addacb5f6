using System.Collections.Immutable;
using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Leaderboard;
using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.Spaces;
using OlnmMl.AutoML.Store;
using OlnmMl.Evaluation.Reports;
using OlnmMl.Evaluation.Roc;
using OlnmMl.Workflows.Reports;

namespace OlnmMl.Workflows.Tests.Reports;

/// <summary>One statistics convention: the leaderboard and the study report give the same paired DeLong p for the same models.</summary>
public sealed class ComparisonConventionTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "olnm-convention-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static ExperimentDefinition Experiment() => new()
    {
        Name = "convention",
        Data = new ExperimentData("synthetic:tiny", SelectionStrategy.InternalValidation, ["test1"], ImmutableSortedDictionary<string, string>.Empty),
        Tuner = new TunerSpec("random"),
        Budget = new SweepBudget(3, null, null, 1),
        Space = new SearchSpace([new CategoricalParameter(ExperimentDefinition.TrialKindParameter, ["synthetic"])]),
    };

    /// <summary>Three trials stored with their predictions; the leaderboard ranks them by validation AUC (strong, mid, weak).</summary>
    private (LeaderboardTable Board, ModelPredictions[] Models) Study()
    {
        var models = new[] { ("weak", 0.3), ("strong", 1.2), ("mid", 0.7) }
            .Select((m, i) => StudyReportFixtures.Separating(m.Item1, m.Item2, 10 * i)).ToArray();
        var store = new InMemoryStudyStore(new StudyInfo("convention", "", DateTimeOffset.UtcNow));
        foreach (var model in models)
        {
            var parameters = new ParameterSet(new Dictionary<string, ParameterValue> { [ExperimentDefinition.TrialKindParameter] = ParameterValue.Of("synthetic") });
            var started = store.StartTrial(new TrialStart(parameters, 1, null, null, DateTimeOffset.UtcNow));
            var relative = $"trial-{started.Number}.tsv";
            Directory.CreateDirectory(_directory);
            PredictionsFile.Write(Path.Combine(_directory, relative), model.Cohorts);
            store.FinishTrial(started with
            {
                Status = TrialStatus.Complete,
                Objective = SelectionObjective.Compute(ObjectiveMetric.Auc, model.Cohorts),
                Artefacts = ImmutableSortedDictionary<string, string>.Empty.Add("predictions", relative),
            });
        }

        var board = LeaderboardBuilder.Build("convention", Experiment(), store.GetTrials(), _directory);
        return (board, [.. board.Rows.Select(r => models[r.Trial.Number])]);
    }

    [Fact]
    public void LeaderboardAndReportPrintTheSamePairedDeLongPAgainstTheRankOneModel()
    {
        var (board, ranked) = Study();
        Assert.Equal(["strong", "mid", "weak"], ranked.Select(m => m.Model));

        StudyReportBuilder.Build("s", ranked, [], null, "", new Dictionary<string, string>()).Write(Path.Combine(_directory, "report"));
        var rows = File.ReadAllLines(Directory.GetFiles(Path.Combine(_directory, "report"), "*paired-delong*.csv").Single()).Skip(1).Select(r => r.Split(',')).ToArray();

        Assert.Equal(4, rows.Length); // mid and weak on validation and test1
        foreach (var row in rows)
        {
            var cell = board.Rows[Array.FindIndex(ranked, m => m.Model == row[0])].Cells[row[1]];
            Assert.Equal(StatisticText.P(cell.DeLongP), row[3]);
            Assert.Equal(StatisticText.P(cell.DeLongPAdjusted), row[4]);
        }

        // Independently: Benjamini–Hochberg over the two comparisons of test1, p̃₍₂₎ = p₍₂₎, p̃₍₁₎ = min(2p₍₁₎, p₍₂₎).
        double Raw(int m) => DeLong.PairedTest([.. ranked[0].Cohorts[2].Probabilities], [.. ranked[m].Cohorts[2].Probabilities], [.. ranked[m].Cohorts[2].Labels]).PValue;
        var (low, high) = (Math.Min(Raw(1), Raw(2)), Math.Max(Raw(1), Raw(2)));
        var adjusted = board.Rows.Skip(1).Select(r => r.Cells["test1"].DeLongPAdjusted).Order().ToArray();
        Assert.Equal(Math.Min(2 * low, high), adjusted[0], 12);
        Assert.Equal(high, adjusted[1], 12);
        Assert.True(board.Rows[0].Cells["test1"].IsReference);
    }

    [Fact]
    public void ChosenPairsAreTestedAndAdjustedAsTheComparisonsAgainstTheFirst_AndAnUnknownModelIsRefused()
    {
        var (_, ranked) = Study();
        var folder = Path.Combine(_directory, "pairs");

        StudyReportBuilder.Build("s", ranked, [], null, "", new Dictionary<string, string>(), pairs: [("strong", "mid"), ("strong", "weak")]).Write(folder);

        string[][] Rows(string pattern) => [.. File.ReadAllLines(Directory.GetFiles(folder, pattern).Single()).Skip(1).Select(r => r.Split(','))];
        var chosen = Rows("*chosen-comparisons*.csv");
        var againstFirst = Rows("*paired-delong-tests-against*.csv");
        // The same two comparisons per cohort form the same family, so both tables agree cell for cell.
        Assert.Equal(againstFirst.Select(r => ("strong vs " + r[0], r[1], r[2], r[3], r[4])), chosen.Select(r => (r[0], r[1], r[2], r[3], r[4])));
        var error = Assert.Throws<ArgumentException>(() => StudyReportBuilder.Build("s", ranked, [], null, "", new Dictionary<string, string>(), pairs: [("strong", "radiomics")]));
        Assert.StartsWith("comparison pair names model 'radiomics', which is not among the report's models (strong, mid, weak).", error.Message);
    }

    [Fact]
    public void TheStudyPairsItsBestFusionModelWithEachSingleSourceModel()
    {
        ModelPredictions Named(string name) => StudyReportFixtures.Separating(name, 0.5, 1);

        var pairs = ChosenPairs.Of([Named("radiomics-svm"), Named("fusion concat ct"), Named("deep ct"), Named("fusion add* ct"), Named("clinical")]);

        Assert.Equal([("fusion concat ct", "radiomics-svm"), ("fusion concat ct", "deep ct"), ("fusion concat ct", "clinical")], pairs);
        Assert.Empty(ChosenPairs.Of([Named("dlrad + clinical"), Named("mil"), Named("clinical")])); // no fusion: the combined signature leads instead
    }
}
