using OlnmMl.AutoML.Runner;
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
            [Calibration] = CalibrationFigure.Build(CalibrationPanels(models, includeTraining: false, smoothed: true), palette),
            [DecisionCurves] = DecisionCurveFigure.Build(DecisionPanels(models, includeTraining: false), palette),
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

    /// <summary>Number of quantile bins of the calibration figures (deciles of predicted risk).</summary>
    public const int CalibrationBins = 10;

    /// <summary>
    /// One calibration panel per cohort of the first model (the evaluated ones, after the training cohort when
    /// <paramref name="includeTraining"/>): each model's <see cref="ReliabilityCurve"/> over <see cref="CalibrationBins"/>
    /// equal-count bins (<see cref="BinningStrategy.EqualCount"/>) with Wilson 95% CIs, its predictions for the rug, and with
    /// <paramref name="smoothed"/> its restricted-cubic-spline curve (<see cref="SmoothedCalibration"/>).
    /// </summary>
    public static List<CalibrationPanel> CalibrationPanels(IReadOnlyList<ModelPredictions> models, bool includeTraining, bool smoothed = false) =>
        Cohorts(models[0], includeTraining).Select(cohort => new CalibrationPanel(
            cohort.Cohort,
            models.Select(model =>
            {
                var predictions = model.Cohorts.First(c => c.Cohort == cohort.Cohort);
                var curve = ReliabilityCurve.Compute([.. predictions.Probabilities], [.. predictions.Labels], CalibrationBins, BinningStrategy.EqualCount);
                return new CalibrationSeries(
                    model.Model,
                    curve.Bins,
                    [.. predictions.Probabilities.Where(p => !double.IsNaN(p))],
                    smoothed ? SmoothedCalibration.Compute([.. predictions.Probabilities], [.. predictions.Labels]) : null);
            }).ToArray())).ToList();

    /// <summary>The caption of the ROC figure: what is drawn and how the intervals were computed.</summary>
    public const string RocCaption =
        "ROC curves by evaluation cohort, one colour per model as in every figure; the legend gives each model's AUC with its DeLong 95% CI; "
        + "dashed: chance. Each model's cut-off was fitted on the training cohort only.";

    /// <summary>The caption of a decision-curve figure drawn from <see cref="DecisionPanels"/>.</summary>
    public const string DecisionCurveCaption =
        "Decision curves by cohort: net benefit NB(t) = TP/n − FP/n · t/(1 − t) over threshold probabilities t from 0.01 to 0.80; "
        + "grey: treat all, NB(t) = π − (1 − π)·t/(1 − t) with π the cohort's prevalence; black: treat none (NB = 0).";

    /// <summary>The caption of the leaderboard chart.</summary>
    public const string LeaderboardCaption =
        "Average AUC over the evaluation cohorts (aAUC, bar) with its standard deviation across cohorts (error bar), best first; dashed: chance (0.5).";

    /// <summary>The caption of a calibration figure drawn from <see cref="CalibrationPanels"/>.</summary>
    public static readonly string CalibrationCaption =
        $"Calibration by deciles of predicted risk ({CalibrationBins} equal-count bins): observed fraction against mean predicted probability per bin, "
        + "Wilson 95% CI as a vertical bar with the bin's number of cases above it; solid line: smoothed calibration curve, logistic regression of the outcome "
        + "on a restricted cubic spline of logit(p), knots at the 5th, 35th, 65th and 95th percentiles (10th, 50th and 90th below 100 cases); the ticks under the axis mark every prediction "
        + "(one row per model); dashed: ideal calibration";

    /// <summary>One decision-curve panel (<see cref="DecisionCurve"/>, thresholds 0.01–0.80) per cohort of the first model, chosen as by <see cref="CalibrationPanels"/>.</summary>
    public static List<DecisionCurvePanel> DecisionPanels(IReadOnlyList<ModelPredictions> models, bool includeTraining)
    {
        var thresholds = DecisionCurve.Grid(0.01, 0.80, 0.01);
        return Cohorts(models[0], includeTraining).Select(cohort =>
        {
            var curves = models.Select(model =>
            {
                var predictions = model.Cohorts.First(c => c.Cohort == cohort.Cohort);
                return (model.Model, Curve: DecisionCurve.Compute([.. predictions.Probabilities], [.. predictions.Labels], thresholds));
            }).ToArray();
            return new DecisionCurvePanel(
                cohort.Cohort,
                curves[0].Curve.Prevalence,
                curves.Select(c => new DecisionCurveSeries(c.Model, c.Curve.Points.Select(p => p.Threshold).ToArray(), c.Curve.Points.Select(p => p.Model).ToArray())).ToArray());
        }).ToList();
    }

    private static IEnumerable<CohortPredictions> Cohorts(ModelPredictions model, bool includeTraining) =>
        includeTraining ? model.Cohorts.OrderBy(c => c.Role != CohortRole.Training) : model.Evaluated;
}
