using OlnmMl.Evaluation.CrossCohort;
using OlnmMl.Evaluation.Reports;

namespace OlnmMl.Evaluation.Tests;

public class JsonRoundTripTests
{
    [Fact]
    public void CrossCohortSummaryAndComparisonSurviveJson()
    {
        var (a, b, y) = Reference.Binormal(120, 1.0, 41);
        var (ta, _, ty) = Reference.Binormal(200, 1.0, 42);
        var training = new CohortScores("training", Probabilities(ta), ty);
        var test = new CohortScores("test", Probabilities(a), y);
        var oneClass = new CohortScores("one class", [0.2, 0.6], [true, true]);
        CrossCohortSummary summary = CrossCohortEvaluation.Evaluate("m", training, [test, oneClass]);

        string json = EvaluationJson.Serialize(summary);
        CrossCohortSummary back = EvaluationJson.Deserialize<CrossCohortSummary>(json);
        Assert.Equal(summary.TrainingCutoff, back.TrainingCutoff);
        Assert.Equal(summary.Cohorts.Count, back.Cohorts.Count);
        for (int i = 0; i < summary.Cohorts.Count; i++)
        {
            Assert.Equal(summary.Cohorts[i].Auc, back.Cohorts[i].Auc);
            Assert.Equal(summary.Cohorts[i].AtTrainingCutoff.Sensitivity, back.Cohorts[i].AtTrainingCutoff.Sensitivity);
            Assert.Equal(summary.Cohorts[i].Calibration, back.Cohorts[i].Calibration);
        }

        Assert.Equal(summary.AverageAuc.Mean, back.AverageAuc.Mean);
        Assert.Contains("\"average_auc\"", json);

        ModelComparison comparison = CrossCohortEvaluation.Compare("A", [test], "B", [new CohortScores("test", Probabilities(b), y)], PValueAdjustment.BenjaminiHochberg);
        string comparisonJson = EvaluationJson.Serialize(comparison);
        Assert.Contains("\"benjamini_hochberg\"", comparisonJson);
        ModelComparison comparisonBack = EvaluationJson.Deserialize<ModelComparison>(comparisonJson);
        Assert.Equal(comparison.Cohorts[0], comparisonBack.Cohorts[0]);
    }

    private static double[] Probabilities(double[] scores) => scores.Select(s => 1 / (1 + Math.Exp(-s))).ToArray();
}
