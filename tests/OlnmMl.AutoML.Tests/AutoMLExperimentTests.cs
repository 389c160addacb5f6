using Microsoft.ML;
using OlnmMl.AutoML.Fluent;
using OlnmMl.AutoML.Spaces;
using OlnmMl.AutoML.Store;
using OlnmMl.AutoML.Tuners;

namespace OlnmMl.AutoML.Tests;

/// <summary>
/// The fluent experiment end to end on a toy two-cohort dataset (train: centre A, validation: centre B, shifted) whose
/// label is separable along X0: the metric it reports is ML.NET's own evaluator's AUC of the returned model, every
/// trial lands in the store, and the budgets end the run.
/// </summary>
public class AutoMLExperimentTests
{
    public sealed class Row
    {
        public float X0 { get; set; }
        public float X1 { get; set; }
        public bool Label { get; set; }
    }

    public sealed class LogisticOptions
    {
        [Range(1e-4, 10.0, 1.0, logBase: true)]
        public float L2Regularization { get; set; } = 1;

        [Choice(5, 20)]
        public int HistorySize { get; set; } = 20;
    }

    private sealed class RecordingMonitor : IMonitor
    {
        public List<TrialResult> Completed { get; } = [];
        public List<TrialResult> Best { get; } = [];
        public List<TrialSettings> Running { get; } = [];
        public List<string?> Failed { get; } = [];

        public void ReportRunningTrial(TrialSettings settings) => Running.Add(settings);
        public void ReportCompletedTrial(TrialResult result) => Completed.Add(result);
        public void ReportBestTrial(TrialResult result) => Best.Add(result);
        public void ReportFailTrial(TrialSettings settings, string? error) => Failed.Add(error);
    }

    private static IDataView Cohort(MLContext ml, int seed, int count, float shift)
    {
        var random = new Random(seed);
        var rows = Enumerable.Range(0, count).Select(i =>
        {
            var label = i % 2 == 0;
            return new Row
            {
                X0 = (label ? 2f : -2f) + shift + (float)(0.7 * Normal(random)),
                X1 = shift + (float)Normal(random),
                Label = label,
            };
        }).ToArray();
        return ml.Data.LoadFromEnumerable(rows);
    }

    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static SweepablePipeline Pipeline(MLContext ml, TimeSpan? delay = null) =>
        ml.Transforms.Concatenate("Features", nameof(Row.X0), nameof(Row.X1))
            .Append(ml.Auto().CreateSweepableEstimator((MLContext context, LogisticOptions o) =>
            {
                if (delay is { } wait)
                {
                    Thread.Sleep(wait);
                }

                return context.BinaryClassification.Trainers.LbfgsLogisticRegression(l2Regularization: o.L2Regularization, historySize: o.HistorySize);
            }));

    [Fact]
    public async Task A_random_sweep_finds_the_signal_and_reports_each_trial()
    {
        var ml = new MLContext(1);
        var (train, validation) = (Cohort(ml, 1, 80, 0), Cohort(ml, 2, 60, 0.5f));
        var monitor = new RecordingMonitor();
        var best = await ml.Auto().CreateExperiment()
            .SetPipeline(Pipeline(ml))
            .SetDataset(train, validation)
            .SetBinaryClassificationMetric(BinaryClassificationMetric.AreaUnderRocCurve, labelColumn: "Label")
            .SetMaxModelToExplore(4)
            .SetRandomSearchTuner(seed: 5)
            .SetMonitor(monitor)
            .RunAsync();

        Assert.True(best.Metric > 0.9, $"validation AUC {best.Metric}");
        Assert.Equal(-best.Metric, best.Loss);
        // An independent oracle: ML.NET's evaluator on the returned model's validation scores.
        var evaluated = ml.BinaryClassification.Evaluate(best.Model.Transform(validation));
        Assert.Equal(evaluated.AreaUnderRocCurve, best.Metric, 9);
        Assert.Equal(4, monitor.Running.Count);
        Assert.Equal(4, monitor.Completed.Count);
        Assert.All(monitor.Completed, r => Assert.True(r.DurationInMilliseconds > 0 && r.PeakMemoryInMegaByte > 0));
        Assert.Equal(monitor.Completed.MaxBy(r => r.Metric)!.TrialSettings.TrialId, best.TrialSettings.TrialId);
        Assert.Same(best, monitor.Best[^1]);
        var l2 = best.TrialSettings.Parameter.GetDouble(nameof(LogisticOptions.L2Regularization));
        Assert.InRange(l2, 1e-4, 10);
        Assert.Contains(best.TrialSettings.Parameter.GetCategory(nameof(LogisticOptions.HistorySize)), new[] { "5", "20" });
    }

    [Fact]
    public async Task A_smac_sweep_in_a_sqlite_study_is_readable_by_the_leaderboard()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "toy.db");
        var ml = new MLContext(1);
        var best = await ml.Auto().CreateExperiment()
            .SetPipeline(Pipeline(ml))
            .SetDataset(Cohort(ml, 3, 80, 0), Cohort(ml, 4, 60, 0.5f))
            .SetBinaryClassificationMetric(BinaryClassificationMetric.AreaUnderRocCurve)
            .SetMaxModelToExplore(5)
            .SetSmacTuner(new SmacOptions { InitialRandomTrials = 2, RandomCandidates = 32 })
            .SetSeed(9)
            .SetStudyPath(path)
            .RunAsync();

        Assert.True(best.Metric > 0.9, $"validation AUC {best.Metric}");
        using (var store = SqliteStudyStore.Open(path))
        {
            var trials = store.GetTrials();
            Assert.Equal(5, trials.Count);
            Assert.All(trials, t => Assert.Equal(TrialStatus.Complete, t.Status));
            Assert.Equal(best.Metric, trials.Max(t => t.Objective!.Value));
            Assert.Equal(best.Record, store.GetTrial(best.TrialSettings.TrialId));
        }

        var leaderboard = Sweeps.BuildLeaderboard(path);
        Assert.Equal(5, leaderboard.Rows.Count);
        Assert.Equal(best.TrialSettings.TrialId, leaderboard.Rows[0].Trial.Number);
    }

    [Fact]
    public async Task The_time_budget_ends_an_open_ended_search()
    {
        // Without SetMaxModelToExplore random search never runs out: only the 2 s budget ends it. Trials run one at a time
        // and each takes at least 300 ms, so the run starts at most ⌊elapsed / 300 ms⌋ + 1 of them; the deadline is a timer,
        // which a loaded machine may fire late, hence the bound on the run's own elapsed time rather than on 2 s.
        var ml = new MLContext(1);
        var monitor = new RecordingMonitor();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var best = await ml.Auto().CreateExperiment()
            .SetPipeline(Pipeline(ml, TimeSpan.FromMilliseconds(300)))
            .SetDataset(Cohort(ml, 1, 40, 0), Cohort(ml, 2, 30, 0.5f))
            .SetBinaryClassificationMetric(BinaryClassificationMetric.AreaUnderRocCurve)
            .SetTrainingTimeInSeconds(2)
            .SetRandomSearchTuner()
            .SetMonitor(monitor)
            .RunAsync();
        clock.Stop();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"an open-ended search with a 2 s budget ran {clock.Elapsed}");
        Assert.InRange(monitor.Running.Count, 1, (int)(clock.Elapsed / TimeSpan.FromMilliseconds(300)) + 1);
        Assert.Equal(monitor.Running.Count, monitor.Completed.Count + monitor.Failed.Count);
        Assert.Contains(best, monitor.Completed);
    }

    [Fact]
    public async Task A_grid_search_needs_no_budget_and_tries_each_point_once()
    {
        // L2 at 2 log-spaced points (1e-4, 10) × HistorySize {5, 20} = 4 configurations.
        var ml = new MLContext(1);
        var monitor = new RecordingMonitor();
        await ml.Auto().CreateExperiment()
            .SetPipeline(Pipeline(ml))
            .SetDataset(Cohort(ml, 1, 40, 0), Cohort(ml, 2, 30, 0.5f))
            .SetBinaryClassificationMetric(BinaryClassificationMetric.AreaUnderRocCurve)
            .SetGridSearchTuner(step: 2)
            .SetMonitor(monitor)
            .RunAsync();

        var tried = monitor.Running.Select(s => (Math.Round(s.Parameter.GetDouble("L2Regularization"), 9), s.Parameter.GetCategory("HistorySize"))).ToArray();
        Assert.Equal([(0.0001, "20"), (0.0001, "5"), (10.0, "20"), (10.0, "5")], tried.Order());
    }

    [Fact]
    public async Task The_same_seed_proposes_the_same_trials()
    {
        var ml = new MLContext(1);
        var (train, validation) = (Cohort(ml, 1, 40, 0), Cohort(ml, 2, 30, 0.5f));

        async Task<string[]> Run(int seed)
        {
            var monitor = new RecordingMonitor();
            await ml.Auto().CreateExperiment().SetPipeline(Pipeline(ml)).SetDataset(train, validation)
                .SetBinaryClassificationMetric(BinaryClassificationMetric.AreaUnderRocCurve).SetMaxModelToExplore(3)
                .SetRandomSearchTuner(seed).SetMonitor(monitor).RunAsync();
            return monitor.Running.Select(s => s.Parameter.ToString()).ToArray();
        }

        var first = await Run(4);
        Assert.Equal(first, await Run(4));
        Assert.NotEqual(first, await Run(5));
    }

    [Fact]
    public async Task Bad_settings_are_refused_with_one_line_naming_the_setting()
    {
        var ml = new MLContext(1);
        var data = Cohort(ml, 1, 10, 0);
        var noBudget = ml.Auto().CreateExperiment().SetPipeline(Pipeline(ml)).SetDataset(data, data)
            .SetBinaryClassificationMetric(BinaryClassificationMetric.AreaUnderRocCurve).SetRandomSearchTuner();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => noBudget.RunAsync());
        Assert.StartsWith("SetTrainingTimeInSeconds / SetMaxModelToExplore:", error.Message);

        var wrongLabel = ml.Auto().CreateExperiment().SetPipeline(Pipeline(ml)).SetDataset(data, data)
            .SetBinaryClassificationMetric(BinaryClassificationMetric.AreaUnderRocCurve, labelColumn: "X0").SetMaxModelToExplore(1);
        var labelError = await Assert.ThrowsAsync<ArgumentException>(() => wrongLabel.RunAsync());
        Assert.Equal("SetBinaryClassificationMetric: label column 'X0' of the training data is Single, not Boolean.", labelError.Message);

        var noProbability = ml.Auto().CreateExperiment().SetPipeline(Pipeline(ml)).SetDataset(data, data)
            .SetBinaryClassificationMetric(BinaryClassificationMetric.AreaUnderRocCurve, predictedColumn: "Risk").SetMaxModelToExplore(2);
        var trialError = await Assert.ThrowsAsync<InvalidOperationException>(() => noProbability.RunAsync());
        Assert.StartsWith("No trial completed; the first failed with: SetBinaryClassificationMetric: the pipeline's output has no column 'Risk'", trialError.Message);

        var missing = ml.Auto().CreateExperiment().SetPipeline(Pipeline(ml)).SetDataset(data, data)
            .SetBinaryClassificationMetric(BinaryClassificationMetric.AreaUnderRocCurve, labelColumn: "Target").SetMaxModelToExplore(1);
        Assert.StartsWith("SetBinaryClassificationMetric: label column 'Target' is not in the training data", (await Assert.ThrowsAsync<ArgumentException>(() => missing.RunAsync())).Message);
    }
}
