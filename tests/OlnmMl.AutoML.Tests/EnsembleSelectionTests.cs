using OlnmMl.AutoML.Ensembles;
using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Leaderboard;
using OlnmMl.AutoML.Runner;

namespace OlnmMl.AutoML.Tests;

/// <summary>
/// Greedy ensemble selection against hand calculations, and the leaderboard's ensemble row: weights from the
/// selection cohorts only, the external cohorts only scored.
/// </summary>
public class EnsembleSelectionTests
{
    // Two cases, labels y = (1, 0); loss = Brier = mean (p − y)². Members A = (0.9, 0.6), B = (0.6, 0.0), C = (0.3, 0.3).
    private static readonly double[][] Members = [[0.9, 0.6], [0.6, 0.0], [0.3, 0.3]];

    private static double Brier(double[] p) => ((p[0] - 1) * (p[0] - 1) + p[1] * p[1]) / 2;

    [Fact]
    public void Each_round_adds_the_member_that_minimises_the_loss_of_the_mean_and_the_ensemble_is_cut_back_to_its_best_round()
    {
        // Round 1: A .185, B .08, C .29 → B. Round 2 (sum B): +A (.75, .3) → .07625, +B .08, +C (.45, .15) → .1625 → A.
        // Round 3 (sum A+B = (1.5, .6)): +A (.8, .4) → .1, +B (.7, .2) → .065, +C (.6, .3) → .125 → B.
        // Round 4 (sum (2.1, .6)): +A (.75, .3) → .07625, +B (.675, .15) → .0640625, +C (.6, .225) → .105 → B.
        // Round 5 (sum (2.7, .6)): +A (.72, .24) → .068, +B (.66, .12) → .065, +C (.6, .18) → .0962 → B, worse than round 4.
        // Best round 4: B, A, B, B → weights A 1/4, B 3/4, C 0 (the continuous optimum of w·A + (1 − w)·B is w = 4/15).
        Assert.Equal([0.25, 0.75, 0.0], GreedyEnsembleSelection.Weights(Members, rounds: 5, Brier));
        Assert.Equal([1.0 / 3, 2.0 / 3, 0.0], GreedyEnsembleSelection.Weights(Members, rounds: 3, Brier));
        Assert.Equal([0.0, 1.0, 0.0], GreedyEnsembleSelection.Weights(Members, rounds: 1, Brier));
    }

    [Fact]
    public void The_weights_are_fitted_on_the_selection_cohorts_and_the_external_cohorts_are_only_blended()
    {
        // Validation (y = 1, 1, 0, 0): member 0 has AUC 1/2, member 1 is perfect (AUC 1) and stays alone: its mean with
        // member 0, (.65, .45, .5, .25), has AUC 3/4, so the weights are (0, 1). With external cohorts on which member 0 is
        // perfect and member 1 wrong (AUC 0), an objective that read them would pick member 0 first.
        bool[] ppnn = [true, true, false, false];
        IReadOnlyList<CohortPredictions> Member(double[] validation, double[] external, bool[] externalLabels) =>
        [
            new("validation", CohortRole.Selection, ["v0", "v1", "v2", "v3"], ppnn, validation),
            new("test", CohortRole.External, ["t0", "t1", "t2", "t3"], externalLabels, external),
        ];

        var (weights, blended) = SelectionEnsemble.Fit(ObjectiveMetric.Auc, [Member([0.9, 0.1, 0.7, 0.2], [0.1, 0.2, 0.3, 0.4], ppnn), Member([0.4, 0.8, 0.3, 0.3], [0.9, 0.7, 0.5, 0.3], ppnn)], 10);
        var (flipped, _) = SelectionEnsemble.Fit(ObjectiveMetric.Auc, [Member([0.9, 0.1, 0.7, 0.2], [0.1, 0.2, 0.8, 0.9], [false, false, true, true]), Member([0.4, 0.8, 0.3, 0.3], [0.9, 0.8, 0.2, 0.1], [false, false, true, true])], 10);

        Assert.Equal([0.0, 1.0], weights);
        Assert.Equal(weights, flipped); // the external cohorts' predictions and labels do not move the weights
        Assert.Equal([0.9, 0.7, 0.5, 0.3], blended[1].Probabilities);
        Assert.Equal(CohortRole.External, blended[1].Role);
    }

    [Fact]
    public void The_ensemble_is_its_own_leaderboard_row_and_the_table_says_which_cohorts_each_decision_saw()
    {
        // The fixture's trial 1 has validation AUC 1 and trial 0 AUC 1/2; their mean has AUC 3/4, so the ensemble is trial 1
        // alone: the same objective (ranked after it) and the same external AUC, 3/4.
        using var folder = new TempDirectory();
        var decisions = "Decisions and the cohorts they saw: tuner objective: validation; ensemble weights: validation; external cohorts (test1): none.";

        var table = LeaderboardTests.Build(folder, ensemble: new EnsembleOptions(Pool: 2), decisions: [decisions]);
        var markdown = LeaderboardWriter.ToMarkdown(table);

        Assert.Equal([1, LeaderboardBuilder.EnsembleNumber, 0], table.Rows.Select(r => r.Trial.Number));
        var ensemble = table.Rows[1];
        Assert.Equal(SelectionEnsemble.Kind, ensemble.Trial.Parameters.GetCategory(ExperimentDefinition.TrialKindParameter));
        Assert.Equal("1×#1", ensemble.Trial.Parameters.GetCategory("members"));
        Assert.Equal(1.0, ensemble.Trial.Objective);
        Assert.Equal(0.75, ensemble.Cells["test1"].Metrics.Auc.Auc, 12);
        Assert.Contains("- " + decisions, markdown);
        Assert.Contains("fitted on the selection cohorts' predictions only", markdown);
        Assert.Contains("| 2 | -1 | ensemble | members=1×#1 |", markdown);
    }
}
