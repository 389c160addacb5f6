using OlnmMl.Evaluation.Calibration;
using OlnmMl.Evaluation.Clinical;
using OlnmMl.Evaluation.CrossCohort;
using OlnmMl.Evaluation.Roc;
using OlnmMl.Reporting.Figures;
using ScottPlot;

namespace OlnmMl.Workflows.Reports;

/// <summary>The study report's figures, drawn from the models' predictions with one colour per model throughout.</summary>
internal static class StudyFigures
{
    /// <summary>File name of the ROC figure.</summary>
    public const string Roc = "roc";

    /// <summary>File name of the calibration figure.</summary>
    public const string Calibration = "calibration";

    /// <summary>File name of the decision-curve figure.</summary>
    public const string DecisionCurves = "decision-curves";

    /// <summary>File name of the leaderboard chart.</summary>
    public const string Leaderboard = "leaderboard";

    /// <summary>Every figure by file name; <paramref name="summaries"/>[i] is the evaluation of <paramref name="models"/>[i].</summary>
    public static Dictionary<string, Multiplot> Build(IReadOnlyList<ModelPredictions> models, IReadOnlyList<CrossCohortSummary> summaries, ModelPalette palette) =>
        new()
        {
            [Roc] = RocFigure.Build(RocPanels(models, summaries), palette),
            [Calibration] = CalibrationFigure.Build(CalibrationPanels(models), palette),
            [DecisionCurves] = DecisionCurveFigure.Build(DecisionPanels(models), palette),
            [Leaderboard] = LeaderboardChart.Build([.. summaries.Select(s => new ModelScore(s.Model, s.AverageAuc.Mean, s.AverageAuc.StandardDeviation))], palette),
        };

    private static List<RocPanel> RocPanels(IReadOnlyList<ModelPredictions> models, IReadOnlyList<CrossCohortSummary> summaries) =>
        models[0].Evaluated.Select(cohort => new RocPanel(
            cohort.Cohort,
            cohort.Labels.Count,
            cohort.Labels.Count(l => l),
            models.Select((model, m) =>
            {
                var predictions = model.Evaluated.First(c => c.Cohort == cohort.Cohort);
                var curve = RocCurve.Compute([.. predictions.Probabilities], [.. predictions.Labels]);
                var auc = summaries[m].Cohorts.First(c => c.Cohort == cohort.Cohort).Auc;
                return new RocSeries(model.Model, [.. curve.FalsePositiveRates], [.. curve.TruePositiveRates], auc.Auc, auc.CiLower, auc.CiUpper);
            }).ToArray())).ToList();

    private static List<CalibrationPanel> CalibrationPanels(IReadOnlyList<ModelPredictions> models) =>
        models[0].Evaluated.Select(cohort => new CalibrationPanel(
            cohort.Cohort,
            models.Select(model =>
            {
                var predictions = model.Evaluated.First(c => c.Cohort == cohort.Cohort);
                var bins = ReliabilityCurve.Compute([.. predictions.Probabilities], [.. predictions.Labels]).Bins.Where(b => b.Observed.Trials > 0).ToArray();
                return new CalibrationSeries(model.Model, bins.Select(b => b.MeanPredicted).ToArray(), bins.Select(b => b.Observed.Estimate).ToArray());
            }).ToArray())).ToList();

    private static List<DecisionCurvePanel> DecisionPanels(IReadOnlyList<ModelPredictions> models)
    {
        var thresholds = DecisionCurve.Grid(0.01, 0.80, 0.01);
        return models[0].Evaluated.Select(cohort =>
        {
            var curves = models.Select(model =>
            {
                var predictions = model.Evaluated.First(c => c.Cohort == cohort.Cohort);
                return (model.Model, Curve: DecisionCurve.Compute([.. predictions.Probabilities], [.. predictions.Labels], thresholds));
            }).ToArray();
            return new DecisionCurvePanel(
                cohort.Cohort,
                curves[0].Curve.Prevalence,
                curves.Select(c => new DecisionCurveSeries(c.Model, c.Curve.Points.Select(p => p.Threshold).ToArray(), c.Curve.Points.Select(p => p.Model).ToArray())).ToArray());
        }).ToList();
    }
}
