using Microsoft.ML;
using OlnmMl.AutoML.Runner;
using OlnmMl.Learners.Clinical;
using OlnmMl.Learners.Pipelines;
using OlnmMl.Workflows.Study;

namespace OlnmMl.Workflows.Reports;

/// <summary>
/// The combined signature of the 2.5D deep learning + MIL + clinical study (2025): one logistic model stacking a
/// signature's score with the clinical variables (<see cref="ClinicalFeatures"/>), built as the clinical signature is —
/// univariable screen at <see cref="EntryPValue"/>, then one multivariable model (<see cref="ClinicalSignature"/>) —
/// fitted on the training cohort only, from the signature's stored training-cohort predictions. The score enters as
/// its logit, log(p / (1 − p)) (p clamped to [1e−6, 1 − 1e−6]), so its odds ratio is per unit of log-odds.
/// </summary>
/// <param name="Predictions">The combined signature's probabilities in every cohort the signature was scored on.</param>
/// <param name="Model">The fitted model (its OR table and nomogram in <see cref="ClinicalSignatureSection"/>).</param>
/// <param name="Training">The training cohort as fitted (score logit and clinical variables, with slot names).</param>
public sealed record CombinedSignature(ModelPredictions Predictions, ClinicalLogisticTransformer Model, IDataView Training)
{
    /// <summary>Univariable p below which a variable enters the multivariable model (the papers' 0.05).</summary>
    public const double EntryPValue = 0.05;

    /// <summary>The model name shown in tables and figures.</summary>
    public const string Name = "combined";

    /// <summary>Fits the combined signature of <paramref name="signature"/> and the study's clinical variables for <paramref name="target"/>.</summary>
    /// <exception cref="OlnmUserException">The study has no clinical variable, or <paramref name="signature"/> lacks a case of the study's cohorts.</exception>
    public static CombinedSignature Fit(MLContext ml, StudyData study, ModelPredictions signature, string target)
    {
        var clinical = ClinicalFeatures.Of(study.Cases.Select(c => c.Case).ToArray());
        if (clinical.Names.Count == 0)
        {
            throw new OlnmUserException($"{study.ManifestPath}: the combined signature needs clinical variables present in every case; none are");
        }

        string[] names = [$"{signature.Model} score (logit)", .. clinical.Names];
        FeatureTable Table(CohortPredictions cohort)
        {
            var cases = study.Cohort(cohort.Cohort).ToDictionary(c => c.Case.Id);
            return FeatureTable.FromRows(
                $"{study.ManifestPath}#{cohort.Cohort}",
                cohort.CaseIds,
                names,
                cohort.CaseIds.Select((id, i) => (float[])[(float)Logit(cohort.Probabilities[i]), .. clinical.Of(cases[id].Case)]).ToArray(),
                cohort.CaseIds.Select(id => cases[id].Outcome(target)).ToArray());
        }

        var training = Table(signature.Training).ToDataView(ml);
        var model = ml.BinaryClassification.Trainers.ClinicalSignature(EntryPValue).Fit(training);
        var cohorts = signature.Cohorts.Select(cohort =>
        {
            var table = Table(cohort);
            var probabilities = table.Rows.Select(row => 1 / (1 + Math.Exp(-model.LinearPredictor(row)))).ToArray();
            return new CohortPredictions(cohort.Cohort, cohort.Role, cohort.CaseIds, table.Labels!, probabilities);
        }).ToArray();
        return new CombinedSignature(new ModelPredictions(Name, cohorts), model, training);
    }

    private static double Logit(double p)
    {
        var q = Math.Clamp(p, 1e-6, 1 - 1e-6);
        return Math.Log(q / (1 - q));
    }
}
