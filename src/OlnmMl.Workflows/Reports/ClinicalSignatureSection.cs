using System.Globalization;
using Microsoft.ML;
using OlnmMl.Evaluation.Clinical;
using OlnmMl.Learners.Clinical;
using OlnmMl.Reporting.Figures;
using OlnmMl.Reporting.Html;
using OlnmMl.Reporting.Tables;
using ScottPlot;

namespace OlnmMl.Workflows.Reports;

/// <summary>
/// The report section of a clinical or combined signature (<see cref="ClinicalSignature"/>): how it was built, the
/// odds-ratio table (<see cref="OddsRatioTable"/>), the nomogram (<see cref="ClinicalNomogram"/>,
/// <see cref="NomogramFigure"/>), and the model's calibration (table and reliability curves) and decision curves in
/// every cohort, training first. Entry point for the study report:
/// <code>
/// var section = ClinicalSignatureSection.Build(model, trainingData, predictions);
/// section.AddTo(report);   // report: the study's HtmlReport
/// </code>
/// </summary>
/// <param name="Heading">Section heading.</param>
/// <param name="Methods">The methods sentence.</param>
/// <param name="OddsRatios">Univariable and multivariable OR table (its CSV is written beside the report).</param>
/// <param name="Nomogram">The nomogram scale.</param>
/// <param name="Calibration">Calibration table (intercept, slope, Hosmer–Lemeshow) per cohort.</param>
/// <param name="Warnings">One sentence per cohort where the model is degenerate (<see cref="CalibrationTable"/>).</param>
/// <param name="Figures">Figures by file name: <see cref="NomogramFigureName"/>, <see cref="CalibrationFigureName"/>, <see cref="DecisionCurvesFigureName"/>.</param>
/// <param name="Cohorts">Number of cohorts (panels of the calibration and decision-curve figures).</param>
public sealed record ClinicalSignatureSection(
    string Heading,
    string Methods,
    Table OddsRatios,
    Nomogram Nomogram,
    Table Calibration,
    IReadOnlyList<string> Warnings,
    IReadOnlyDictionary<string, Multiplot> Figures,
    int Cohorts)
{
    /// <summary>File name of the nomogram figure.</summary>
    public const string NomogramFigureName = "signature-nomogram";

    /// <summary>File name of the calibration figure.</summary>
    public const string CalibrationFigureName = "signature-calibration";

    /// <summary>File name of the decision-curve figure.</summary>
    public const string DecisionCurvesFigureName = "signature-decision-curves";

    private const int PanelSize = 460;

    /// <summary>Builds the section's content.</summary>
    /// <param name="model">The signature fitted on the training cohort (its <see cref="ClinicalLogisticTransformer.Signature"/> holds the table).</param>
    /// <param name="training">The training cohort as fitted (it must have the model's predictor column); the nomogram's ranges come from it.</param>
    /// <param name="predictions">The model's name and its probabilities and labels in every cohort: training, validation and test.</param>
    /// <param name="outcome">What the model predicts, e.g. "pN+" (the risk axis reads "Risk of pN+").</param>
    /// <param name="heading">Section heading; the model name when null.</param>
    public static ClinicalSignatureSection Build(ClinicalLogisticTransformer model, IDataView training, ModelPredictions predictions, string outcome = "pN+", string? heading = null)
    {
        var signature = model.Signature;
        var nomogram = ClinicalNomogram.From(model, training);
        var (calibration, warnings) = CalibrationTable.Build([predictions]);
        var figures = new Dictionary<string, Multiplot>
        {
            [NomogramFigureName] = NomogramFigure.Build(nomogram, "Risk of " + outcome),
            [CalibrationFigureName] = CalibrationFigure.Build(StudyFigures.CalibrationPanels([predictions], includeTraining: true, smoothed: true)),
            [DecisionCurvesFigureName] = DecisionCurveFigure.Build(StudyFigures.DecisionPanels([predictions], includeTraining: true)),
        };
        return new ClinicalSignatureSection(heading ?? predictions.Model, MethodsOf(signature, predictions), OddsRatioTable.Build(signature, OddsRatioTable.Title(predictions.Model)),
            nomogram, calibration, warnings, figures, predictions.Cohorts.Count);
    }

    /// <summary>Appends the section to <paramref name="report"/>: methods, OR table, nomogram, calibration table and figure, decision curves.</summary>
    public HtmlReport AddTo(HtmlReport report)
    {
        report.Section(Heading).Paragraph(Methods).Add(OddsRatios)
            .Figure(NomogramFigureName, "Nomogram: read each predictor's points on the Points axis, add them, and read the risk below the Total Points", Figures[NomogramFigureName], 1000, 140 + 90 * (Nomogram.Predictors.Count + 3))
            .Add(Calibration);
        foreach (var warning in Warnings) report.Paragraph(warning);
        return report
            .Figure(CalibrationFigureName, StudyFigures.CalibrationCaption, Figures[CalibrationFigureName], PanelSize * Cohorts, PanelSize)
            .Figure(DecisionCurvesFigureName, StudyFigures.DecisionCurveCaption, Figures[DecisionCurvesFigureName], PanelSize * Cohorts, PanelSize);
    }

    private static string MethodsOf(ClinicalSignature signature, ModelPredictions predictions)
    {
        var candidates = signature.Rows.Count;
        var inModel = signature.Rows.Where(r => r.Entry == SignatureEntry.InModel).Select(r => r.Name);
        var entry = signature.EntryPValue is { } alpha
            ? string.Create(CultureInfo.InvariantCulture, $"Each of the {candidates} candidate variables was tested by univariable logistic regression; those with Wald p < {alpha:0.###} entered the multivariable logistic model")
              + (signature.BackwardElimination ? string.Create(CultureInfo.InvariantCulture, $", followed by backward elimination (the variable of largest p removed and the model refitted while that p was ≥ {alpha:0.###}). ") : ". ")
            : $"All {candidates} candidate variables entered the multivariable logistic model. ";
        return $"{predictions.Model} was fitted on the training cohort ({predictions.Training.Labels.Count} cases) only. " + entry
            + $"Final model: {string.Join(", ", inModel)}. Odds ratios are e^β with Wald 95% intervals e^(β ± 1.96·SE). "
            + "In the nomogram the predictor with the widest log-odds span |β|·(max − min) over the training cohort scores 0–100 points and the others proportionally; "
            + "the total points give the linear predictor and the predicted risk.";
    }
}
