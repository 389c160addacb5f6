using System.Collections.Immutable;
using OlnmMl.AutoML.Leaderboard;
using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.Spaces;
using OlnmMl.AutoML.Store;

namespace OlnmMl.AutoML.Tests;

public class LeaderboardTests
{
    private static CohortPredictions Cohort(string name, CohortRole role, bool[] labels, double[] p) =>
        new(name, role, labels.Select((_, i) => $"{name}-{i}").ToArray(), labels, p);

    internal static LeaderboardTable Build(
        TempDirectory folder, LeaderboardReference? reference = null, Ensembles.EnsembleOptions? ensemble = null, IReadOnlyList<string>? decisions = null)
    {
        var store = new InMemoryStudyStore(new StudyInfo("board", "", DateTimeOffset.UtcNow));
        bool[] ppnn = [true, true, false, false], pnpn = [true, false, true, false];
        var trials = new[]
        {
            // Trial 0 ("B"): validation AUC 2/4 = 0.5; test1 AUC 1.
            (Signal: 0.5, Cohorts: new[]
            {
                Cohort("training", CohortRole.Training, ppnn, [0.9, 0.6, 0.4, 0.1]),
                Cohort("validation", CohortRole.Selection, ppnn, [0.9, 0.2, 0.8, 0.3]),
                Cohort("test1", CohortRole.External, pnpn, [0.9, 0.1, 0.8, 0.2]),
            }),
            // Trial 1 ("A"): validation AUC 1; test1 AUC 3/4 (0.6 < 0.7 is the one discordant pair).
            (Signal: 1.0, Cohorts: new[]
            {
                Cohort("training", CohortRole.Training, ppnn, [0.9, 0.6, 0.4, 0.1]),
                Cohort("validation", CohortRole.Selection, ppnn, [0.9, 0.8, 0.3, 0.2]),
                Cohort("test1", CohortRole.External, pnpn, [0.6, 0.7, 0.8, 0.1]),
            }),
        };
        foreach (var (signal, cohorts) in trials)
        {
            var parameters = new ParameterSet(new Dictionary<string, ParameterValue> { ["trial"] = ParameterValue.Of("synthetic"), ["signal"] = ParameterValue.Of(signal) });
            var started = store.StartTrial(new TrialStart(parameters, 1, null, null, DateTimeOffset.UtcNow));
            var relative = $"trial-{started.Number:D5}/predictions.tsv";
            Directory.CreateDirectory(Path.Combine(folder.Path, $"trial-{started.Number:D5}"));
            PredictionsFile.Write(Path.Combine(folder.Path, relative), cohorts);
            store.FinishTrial(started with
            {
                Status = TrialStatus.Complete,
                Objective = SelectionObjective.Compute(Experiments.ObjectiveMetric.Auc, cohorts),
                Artefacts = ImmutableSortedDictionary<string, string>.Empty.Add("predictions", relative),
            });
        }

        return LeaderboardBuilder.Build("board", SweepRunnerTests.Experiment(), store.GetTrials(), folder.Path, reference, ensemble, decisions);
    }

    [Fact]
    public void Rows_are_ranked_by_the_selection_objective_not_by_external_cohorts()
    {
        using var folder = new TempDirectory();
        var table = Build(folder);
        Assert.Equal([1, 0], table.Rows.Select(r => r.Trial.Number));
        Assert.Equal(["validation"], table.SelectionCohorts);
        Assert.Equal(["test1"], table.ExternalCohorts);
        // The rank-1 trial is the reference of every cohort's comparisons, even where another trial's AUC is higher (test1).
        Assert.All(table.Rows[0].Cells.Values, c => Assert.True(c.IsReference));
        Assert.All(table.Rows[1].Cells.Values, c => Assert.False(c.IsReference));
        Assert.Equal(0.75, table.Rows[0].Cells["test1"].Metrics.Auc.Auc, 12);
    }

    [Fact]
    public void Average_auc_and_the_training_fixed_cutoff_match_a_hand_calculation()
    {
        // Trial 1: aAUC = (1 + 0.75)/2 = 0.875, sample SD = √(2 · 0.125²) = 0.17678.
        // Youden on training [0.9, 0.6 | 0.4, 0.1]: J = 1 at the midpoint 0.5. On test1 [0.6+, 0.7−, 0.8+, 0.1−]
        // at ≥ 0.5: TP 2, FP 1, TN 1, FN 0 → sensitivity 1, specificity 0.5, PPV 2/3, NPV 1.
        using var folder = new TempDirectory();
        var best = Build(folder).Rows[0];
        Assert.Equal(0.875, best.AverageAuc.Mean, 12);
        Assert.Equal(Math.Sqrt(2 * 0.125 * 0.125), best.AverageAuc.StandardDeviation, 12);
        Assert.Equal(0.5, best.Cutoff, 12);
        var t = best.Cells["test1"].Metrics.AtTrainingCutoff;
        Assert.Equal((1.0, 0.5, 2.0 / 3, 1.0), (t.Sensitivity.Estimate, t.Specificity.Estimate, t.PositivePredictiveValue.Estimate, t.NegativePredictiveValue.Estimate));
    }

    [Fact]
    public void The_rank_1_model_has_no_p_value_and_the_other_is_compared_with_it()
    {
        using var folder = new TempDirectory();
        var table = Build(folder);
        Assert.True(double.IsNaN(table.Rows[0].Cells["validation"].DeLongP));
        // Paired DeLong by hand on validation (positives 1, 2; negatives 3, 4), best A [0.9, 0.8, 0.3, 0.2]
        // against B [0.9, 0.2, 0.8, 0.3]: A separates every pair (AUC 1, placements V10 = [1, 1], V01 = [1, 1]);
        // B has V10 = [1, 0] (AUC 0.5), V01 = [0.5, 0.5]. Only B's V10 varies (sample variance 0.5), so
        // Var(AUC_A − AUC_B) = 0.5 / 2 + 0 / 2 = 0.25, z = 0.5 / √0.25 = 1 and p = 2(1 − Φ(1)) = erfc(1/√2).
        var p = table.Rows[1].Cells["validation"].DeLongP;
        Assert.Equal(0.31731050786291415, p, 9);
        Assert.Equal(p, table.Rows[1].Cells["validation"].DeLongPAdjusted, 12); // one comparison: BH leaves it unchanged
    }

    [Fact]
    public void Csv_and_markdown_state_the_leakage_rule_and_hold_one_row_per_trial()
    {
        using var folder = new TempDirectory();
        var table = Build(folder);
        var csv = LeaderboardWriter.ToCsv(table).TrimEnd().Split('\n');
        Assert.Equal(3, csv.Length);
        Assert.StartsWith("1,1,synthetic,", csv[1]);
        var markdown = LeaderboardWriter.ToMarkdown(table);
        Assert.Contains("External cohorts (test1) were scored for this table only and never seen by the tuner", markdown);
        Assert.Contains("| 1 | 1 | synthetic | signal=1 | 1.000 |", markdown);
    }
}
