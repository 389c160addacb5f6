using OlnmMl.AutoML.Runner;
using OlnmMl.Evaluation.CrossCohort;
using OlnmMl.Evaluation.Reclassification;
using OlnmMl.Reporting.Figures;
using OlnmMl.Reporting.Html;
using OlnmMl.Reporting.Tables;
using ScottPlot;
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
    /// <param name="leaderboard">The sweep's leaderboard as leaderboard.csv holds it, shown compact (<see cref="TrialTable"/>), or null.</param>
    /// <param name="leakageStatement">How selection avoided the external cohorts.</param>
    /// <param name="provenance">Versions, seeds, settings, data hashes.</param>
    /// <param name="reference">
    /// The model the others are reclassified against (NRI, IDI), e.g. the clinical model; null (or absent from
    /// <paramref name="models"/>) leaves the reclassification table out.
    /// </param>
    /// <param name="leaderboardCsv">File name of the raw leaderboard CSV beside the report, linked under the compact table; null links nothing.</param>
    /// <param name="outcome">Name of the outcome the models predict and <paramref name="clinical"/> records (pN+, N1, …).</param>
    /// <param name="signatures">Sections of logistic signatures (OR table, nomogram, calibration, decision curves), e.g. the combined signature's.</param>
    /// <param name="firstRole">What the first model is, as the methods paragraph names it (the selected model, or the combined signature).</param>
    /// <param name="syntheticCohort">The synthetic cohort the data was generated as (e.g. <c>tiny-seed42</c>), or null for patients' data; the limitations paragraph says which.</param>
    /// <param name="pairs">Chosen pairs of model names to test (first minus second), e.g. fusion against radiomics, deep and clinical; null or empty leaves the table out.</param>
    /// <param name="features">
    /// The selected features of the tabular models by model name (<see cref="SelectedFeaturesTable"/>, with the OR table of a
    /// clinical logistic learner), shown in the models' order; null or empty leaves the section out.
    /// </param>
    /// <exception cref="ArgumentException">No model, or <paramref name="features"/> names a model not in <paramref name="models"/>.</exception>
    public static HtmlReport Build(
        string title,
        IReadOnlyList<ModelPredictions> models,
        IReadOnlyList<ClinicalRecord> clinical,
        Table? leaderboard,
        string leakageStatement,
        IReadOnlyDictionary<string, string> provenance,
        string? reference = null,
        string? leaderboardCsv = null,
        string outcome = "pN+",
        IReadOnlyList<ClinicalSignatureSection>? signatures = null,
        string firstRole = "the selected model",
        string? syntheticCohort = null,
        IReadOnlyList<(string First, string Second)>? pairs = null,
        IReadOnlyDictionary<string, SelectedFeatures>? features = null)
    {
        if (models.Count == 0)
        {
            throw new ArgumentException("A report needs at least one model.", nameof(models));
        }

        var summaries = models.Select(Summarise).ToArray();
        var figures = StudyFigures.Build(models, summaries, Palette(models));
        var baseline = models.Count > 1 ? models.FirstOrDefault(m => m.Model == reference) : null;
        var report = new HtmlReport(title);
        report.Section("Methods")
            .Paragraph(MethodsParagraph.Write(summaries, baseline?.Model, leakageStatement, firstRole, pairs?.Count > 0))
            .Paragraph(LimitationsParagraph.Write(models, summaries, outcome, syntheticCohort));
        if (clinical.Count > 0)
        {
            report.Section("Cohorts").Add(CohortSummaryTable.Build(clinical, outcome)).Add(CohortSummaryTable.ByOutcome(clinical, outcome));
        }

        if (features is { Count: > 0 })
        {
            AddSelectedFeatures(report, models, features);
        }

        var cohorts = models[0].Evaluated.Select(c => c.Cohort).ToArray();
        report.Section("Discrimination")
            .Add(PerformanceTable.Build(models, summaries))
            .Add(AverageAucTable(summaries))
            .Add(ComparisonTables.AgainstFirst(models, firstRole))
            .Figure(StudyFigures.Roc, StudyFigures.RocCaption, figures[StudyFigures.Roc], PanelSize * cohorts.Length, PanelSize);
        if (pairs is { Count: > 0 })
        {
            report.Section("Chosen comparisons").Add(ComparisonTables.ChosenPairs(models, pairs));
        }

        if (baseline is not null)
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
            .Figure(StudyFigures.Calibration, StudyFigures.CalibrationCaption, figures[StudyFigures.Calibration], PanelSize * cohorts.Length, PanelSize)
            .Figure(StudyFigures.DecisionCurves, StudyFigures.DecisionCurveCaption, figures[StudyFigures.DecisionCurves], PanelSize * cohorts.Length, PanelSize);
        foreach (var signature in signatures ?? [])
        {
            signature.AddTo(report);
        }

        var leaderboardSection = report.Section("Leaderboard").Paragraph(leakageStatement);
        if (leaderboard is not null)
        {
            leaderboardSection.Sortable(TrialTable.Compact(leaderboard));
        }

        if (leaderboardCsv is not null)
        {
            leaderboardSection.Link($"Every trial with every value, unrounded ({leaderboardCsv})", leaderboardCsv);
        }

        leaderboardSection.Figure(
            StudyFigures.Leaderboard,
            StudyFigures.LeaderboardCaption,
            figures[StudyFigures.Leaderboard],
            760,
            120 + 60 * summaries.Length);
        report.Section("Provenance").Provenance(provenance);
        return report;
    }

    /// <summary>The colour of each model in every figure of the report: the models' order, the selected model first.</summary>
    /// <param name="models">The report's models.</param>
    public static ModelPalette Palette(IReadOnlyList<ModelPredictions> models) => new(models.Select(m => m.Model));

    /// <summary>
    /// The report's figures by file name (<c>roc</c>, <c>calibration</c>, <c>decision-curves</c>, <c>leaderboard</c>), drawn as
    /// <see cref="Build"/> draws them, every one coloured by <see cref="Palette"/>.
    /// </summary>
    /// <param name="models">Models as given to <see cref="Build"/>.</param>
    public static IReadOnlyDictionary<string, Multiplot> Figures(IReadOnlyList<ModelPredictions> models) =>
        StudyFigures.Build(models, [.. models.Select(Summarise)], Palette(models));

    private static void AddSelectedFeatures(HtmlReport report, IReadOnlyList<ModelPredictions> models, IReadOnlyDictionary<string, SelectedFeatures> features)
    {
        if (features.Keys.FirstOrDefault(name => models.All(m => m.Model != name)) is { } unknown)
        {
            throw new ArgumentException($"Selected features of '{unknown}', which is not a reported model ({string.Join(", ", models.Select(m => m.Model))}).", nameof(features));
        }

        report.Section("Selected features").Paragraph(
            "The features each tabular model reads, chosen by its selection steps on the training cohort alone, with the learner's coefficient or importance "
            + "per unit of the feature as the learner sees it (after the pipeline's normalisation, also fitted on the training cohort).");
        foreach (var model in models.Where(m => features.ContainsKey(m.Model)))
        {
            var selected = features[model.Model];
            report.Sortable(SelectedFeaturesTable.Build(selected, model.Model, model.Training));
            if (selected.Signature is { } signature)
            {
                report.Add(OddsRatioTable.Build(signature, OddsRatioTable.Title(model.Model)));
            }
        }
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
}
