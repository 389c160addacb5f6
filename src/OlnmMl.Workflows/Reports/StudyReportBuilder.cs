using System.Globalization;
using OlnmMl.AutoML.Runner;
using OlnmMl.Evaluation.Calibration;
using OlnmMl.Evaluation.Clinical;
using OlnmMl.Evaluation.CrossCohort;
using OlnmMl.Evaluation.Reclassification;
using OlnmMl.Evaluation.Roc;
using OlnmMl.Reporting.Figures;
using OlnmMl.Reporting.Html;
using OlnmMl.Reporting.Tables;
using static OlnmMl.Workflows.Reports.ReportFormat;

namespace OlnmMl.Workflows.Reports;

/// <summary>
/// Builds the results section a clinician-scientist would publish from per-case predictions: cohort
/// characteristics, the per-model per-cohort metrics table at the training-fixed Youden cut-off, aAUC,
/// paired DeLong tests against the selected model, ROC curves, calibration, decision curves and the leaderboard.
/// </summary>
public static class StudyReportBuilder
{
    /// <summary>Pixel size of one figure panel.</summary>
    private const int PanelSize = 460;

    /// <summary>Assembles the report; <see cref="HtmlReport.Write"/> then writes it.</summary>
    /// <param name="title">Report title.</param>
    /// <param name="models">Models to compare (at least one), each with training predictions; the first is the selected model the others are tested against.</param>
    /// <param name="clinical">One record per case for the cohort table (may be empty).</param>
    /// <param name="leaderboard">The sweep's leaderboard, or null.</param>
    /// <param name="leakageStatement">How selection avoided the external cohorts.</param>
    /// <param name="provenance">Versions, seeds, settings, data hashes.</param>
    /// <param name="reference">
    /// The model the others are reclassified against (NRI, IDI), e.g. the clinical model; null (or absent from
    /// <paramref name="models"/>) leaves the reclassification table out.
    /// </param>
    public static HtmlReport Build(
        string title,
        IReadOnlyList<ModelPredictions> models,
        IReadOnlyList<ClinicalRecord> clinical,
        Table? leaderboard,
        string leakageStatement,
        IReadOnlyDictionary<string, string> provenance,
        string? reference = null)
    {
        if (models.Count == 0)
        {
            throw new ArgumentException("A report needs at least one model.", nameof(models));
        }

        var summaries = models.Select(Summarise).ToArray();
        var report = new HtmlReport(title);
        if (clinical.Count > 0)
        {
            report.Section("Cohorts").Add(CohortSummaryTable.Build(clinical));
        }

        var cohorts = models[0].Evaluated.Select(c => c.Cohort).ToArray();
        report.Section("Discrimination")
            .Paragraph($"Cut-offs (Youden) were fixed on the training cohort and carried unchanged to {string.Join(", ", cohorts)}. AUC 95% CIs by DeLong's method; accuracy, sensitivity, specificity, PPV and NPV with percentile intervals from 10,000 stratified bootstrap replicates.")
            .Add(PerformanceTable.Build(models, summaries))
            .Add(AverageAucTable(summaries))
            .Add(ComparisonTable(models, summaries))
            .Figure("roc", "ROC curves by cohort (AUC, 95% CI)", RocFigure.Build(RocPanels(models, summaries)), PanelSize * cohorts.Length, PanelSize);
        if (models.FirstOrDefault(m => m.Model == reference) is { } baseline && models.Count > 1)
        {
            report.Section("Reclassification")
                .Paragraph($"Continuous net reclassification improvement and integrated discrimination improvement of each model over {baseline.Model}, on the cases both scored (Wald 95% CIs).")
                .Add(ReclassificationTable(baseline, models.Where(m => m != baseline).ToArray()));
        }

        var (calibration, warnings) = CalibrationTable.Build(models);
        var calibrationSection = report.Section("Calibration and clinical utility").Add(calibration);
        foreach (var warning in warnings)
        {
            calibrationSection.Paragraph(warning);
        }

        calibrationSection
            .Figure("calibration", "Calibration (10 equal-width bins)", CalibrationFigure.Build(CalibrationPanels(models)), PanelSize * cohorts.Length, PanelSize)
            .Figure("decision-curves", "Decision curves", DecisionCurveFigure.Build(DecisionPanels(models)), PanelSize * cohorts.Length, PanelSize);
        var leaderboardSection = report.Section("Leaderboard").Paragraph(leakageStatement);
        if (leaderboard is not null)
        {
            leaderboardSection.Add(leaderboard);
        }

        leaderboardSection.Figure(
            "leaderboard",
            "Average AUC over cohorts (aAUC ± SD)",
            LeaderboardChart.Build(summaries.Select(s => new ModelScore(s.Model, s.AverageAuc.Mean, s.AverageAuc.StandardDeviation)).ToArray()),
            760,
            120 + 60 * summaries.Length);
        report.Section("Provenance").Provenance(provenance);
        return report;
    }

    private static CrossCohortSummary Summarise(ModelPredictions model) =>
        CrossCohortEvaluation.Evaluate(model.Model, Scores(model.Training), model.Evaluated.Select(Scores).ToArray());

    private static CohortScores Scores(CohortPredictions cohort) =>
        new(cohort.Cohort, [.. cohort.Probabilities], [.. cohort.Labels]);

    private static Table AverageAucTable(IReadOnlyList<CrossCohortSummary> summaries) =>
        new("Average AUC over evaluation cohorts",
            ["model", "aAUC", "SD", "cohorts"],
            summaries.OrderByDescending(s => s.AverageAuc.Mean)
                .Select(s => (IReadOnlyList<string>)[s.Model, F(s.AverageAuc.Mean), F(s.AverageAuc.StandardDeviation), string.Join(", ", s.AverageAuc.Cohorts)])
                .ToList());

    private static Table ComparisonTable(IReadOnlyList<ModelPredictions> models, IReadOnlyList<CrossCohortSummary> summaries)
    {
        const int best = 0; // the selected model: chosen on internal validation, never on the external cohorts
        var bestCohorts = models[best].Evaluated.Select(Scores).ToArray();
        var rows = new List<IReadOnlyList<string>>();
        for (var i = 0; i < models.Count; i++)
        {
            if (i == best)
            {
                continue;
            }

            var comparison = CrossCohortEvaluation.Compare(
                models[best].Model, bestCohorts, models[i].Model, models[i].Evaluated.Select(Scores).ToArray(), PValueAdjustment.BenjaminiHochberg);
            rows.AddRange(comparison.Cohorts.Select(c => (IReadOnlyList<string>)
                [models[i].Model, c.Cohort, F(c.Test.Difference), P(c.Test.PValue), P(c.AdjustedPValue)]));
        }

        return new Table($"Paired DeLong tests against the selected model ({models[best].Model}); p adjusted across cohorts (Benjamini–Hochberg, as in the leaderboard)",
            ["model", "cohort", "ΔAUC (selected − model)", "p", "adjusted p"], rows);
    }

    private static Table ReclassificationTable(ModelPredictions baseline, IReadOnlyList<ModelPredictions> models)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var model in models)
        {
            foreach (var cohort in model.Evaluated)
            {
                if (baseline.Evaluated.FirstOrDefault(c => c.Cohort == cohort.Cohort) is not { } old)
                {
                    continue;
                }

                var index = old.CaseIds.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
                var paired = cohort.CaseIds.Select((id, i) => (New: i, Old: index.GetValueOrDefault(id, -1))).Where(p => p.Old >= 0).ToArray();
                double[] before = [.. paired.Select(p => old.Probabilities[p.Old])];
                double[] after = [.. paired.Select(p => cohort.Probabilities[p.New])];
                bool[] labels = [.. paired.Select(p => cohort.Labels[p.New])];
                var nri = ReclassificationMetrics.ContinuousNri(before, after, labels);
                var idi = ReclassificationMetrics.Idi(before, after, labels);
                rows.Add([model.Model, cohort.Cohort, Interval(nri), P(nri.PValue), Interval(idi), P(idi.PValue)]);
            }
        }

        return new Table($"Reclassification over {baseline.Model}", ["model", "cohort", "NRI (95% CI)", "p", "IDI (95% CI)", "p"], rows);
    }

    private static string Interval(ReclassificationIndex index) =>
        double.IsNaN(index.Index) ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{index.Index:0.000} ({index.CiLower:0.000}–{index.CiUpper:0.000})");

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
