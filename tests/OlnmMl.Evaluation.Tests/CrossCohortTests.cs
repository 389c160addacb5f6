using OlnmMl.Evaluation.CrossCohort;
using OlnmMl.Evaluation.Roc;

namespace OlnmMl.Evaluation.Tests;

public class CrossCohortTests
{
    // Training: sorted 0.1− 0.2− 0.3+ 0.4− 0.5+ 0.6+ 0.7− 0.8+ → Youden cut-off 0.25 (see ThresholdTests).
    private static readonly CohortScores Training = new("training", [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8], [false, false, true, false, true, true, false, true]);

    // Validation: positives 0.9, 0.8, 0.4; negatives 0.7, 0.4, 0.2, 0.1 → AUC 0.875 (DeLongTests' hand case).
    private static readonly CohortScores Validation = new("validation", [0.9, 0.8, 0.4, 0.7, 0.4, 0.2, 0.1], [true, true, true, false, false, false, false]);

    // Test: positives 0.6, 0.3; negatives 0.5, 0.2, 0.1 → pairs won 0.6: 3, 0.3: 2 → AUC 5/6.
    private static readonly CohortScores Test = new("test", [0.6, 0.3, 0.5, 0.2, 0.1], [true, true, false, false, false]);

    [Fact]
    public void CutoffIsFixedOnTrainingAndCarriedToEveryCohort()
    {
        CrossCohortSummary summary = CrossCohortEvaluation.Evaluate("m", Training, [Validation, Test]);
        Assert.Equal(0.25, summary.TrainingCutoff.Threshold, 1e-15);
        Assert.Equal(["training", "validation", "test"], summary.Cohorts.Select(c => c.Cohort));
        Assert.True(summary.Cohorts[0].IsTraining);
        // Validation at 0.25: TP 3 (0.9, 0.8, 0.4), FP 2 (0.7, 0.4), TN 2 → sens 1, spec 0.5.
        Assert.Equal(1.0, summary.Cohorts[1].AtTrainingCutoff.Sensitivity.Estimate);
        Assert.Equal(0.5, summary.Cohorts[1].AtTrainingCutoff.Specificity.Estimate);
        // Test at 0.25: TP 2, FP 1 (0.5), TN 2 → spec 2/3.
        Assert.Equal(2.0 / 3, summary.Cohorts[2].AtTrainingCutoff.Specificity.Estimate, 1e-15);
    }

    [Fact]
    public void AverageAucIsTheMeanAndSampleSdOverTheChosenCohorts()
    {
        // aAUC over validation and test = (0.875 + 5/6)/2 = 0.8541666…; SD = |0.875 − 5/6|/√2 = (1/24)/√2.
        CrossCohortSummary summary = CrossCohortEvaluation.Evaluate("m", Training, [Validation, Test]);
        Assert.Equal((0.875 + 5.0 / 6) / 2, summary.AverageAuc.Mean, 1e-15);
        Assert.Equal(1.0 / 24 / Math.Sqrt(2), summary.AverageAuc.StandardDeviation, 1e-15);
    }

    [Fact]
    public void UndefinedCohortsAreSkippedFromAverageAuc()
    {
        var oneClass = new CohortScores("one class", [0.2, 0.4], [true, true]);
        CrossCohortSummary summary = CrossCohortEvaluation.Evaluate("m", Training, [Validation, oneClass]);
        Assert.Equal(["one class"], summary.AverageAuc.Skipped);
        Assert.Equal(0.875, summary.AverageAuc.Mean, 1e-15);
        Assert.True(double.IsNaN(summary.AverageAuc.StandardDeviation));
    }

    [Fact]
    public void ModelsAreComparedPerCohortWithAdjustedPValues()
    {
        var (a1, b1, y1) = Reference.Binormal(200, 1.0, 31);
        var (a2, b2, y2) = Reference.Binormal(150, 1.0, 32);
        ModelComparison comparison = CrossCohortEvaluation.Compare(
            "A", [new CohortScores("c1", a1, y1), new CohortScores("c2", a2, y2)],
            "B", [new CohortScores("c2", b2, y2), new CohortScores("c1", b1, y1)]);
        Assert.Equal(["c1", "c2"], comparison.Cohorts.Select(c => c.Cohort));
        double p1 = DeLong.PairedTest(a1, b1, y1).PValue, p2 = DeLong.PairedTest(a2, b2, y2).PValue;
        Assert.Equal(p1, comparison.Cohorts[0].Test.PValue, 1e-15);
        // Holm with m = 2: smaller p doubled, larger p max(itself, doubled smaller).
        double small = Math.Min(p1, p2), large = Math.Max(p1, p2);
        double[] expected = p1 <= p2 ? [Math.Min(1, 2 * small), Math.Max(Math.Min(1, 2 * small), large)] : [Math.Max(Math.Min(1, 2 * small), large), Math.Min(1, 2 * small)];
        Assert.Equal(expected[0], comparison.Cohorts[0].AdjustedPValue, 1e-15);
        Assert.Equal(expected[1], comparison.Cohorts[1].AdjustedPValue, 1e-15);
    }

    [Fact]
    public void ComparisonRejectsDifferentCasesNamingTheCohort()
    {
        var error = Assert.Throws<ArgumentException>(() => CrossCohortEvaluation.Compare(
            "A", [new CohortScores("c1", [0.1, 0.2], [true, false])],
            "B", [new CohortScores("c1", [0.1, 0.2], [false, true])]));
        Assert.Contains("Cohort 'c1'", error.Message);
    }

    [Fact]
    public void ScoresThatAreNotProbabilitiesSkipCalibration()
    {
        var margins = new CohortScores("training", [-2.0, -1.0, 0.5, 3.0], [false, false, true, true]);
        CrossCohortSummary summary = CrossCohortEvaluation.Evaluate("svm", margins, [], new CrossCohortOptions(ScoresAreProbabilities: false, AverageOver: ["training"]));
        Assert.Null(summary.Cohorts[0].Calibration);
        Assert.True(double.IsNaN(summary.Cohorts[0].BrierScore));
        Assert.Equal(1.0, summary.AverageAuc.Mean);
    }
}
