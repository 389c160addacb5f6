using Microsoft.ML;
using OlnmMl.AutoML.Runner;
using OlnmMl.Learners.Clinical;
using OlnmMl.Learners.Data;
using OlnmMl.Learners.Pipelines;
using OlnmMl.Workflows.Study;

namespace OlnmMl.Workflows.Reports;

/// <summary>
/// The combined signature of the 2.5D deep learning + MIL + clinical study (2025): one multivariable logistic model of a
/// signature's score and the clinical variables (<see cref="ClinicalFeatures"/>) whose univariable Wald p on the training
/// cohort is below <see cref="EntryPValue"/> (the independent risk factors), fitted on the training cohort only, from the
/// signature's stored training-cohort predictions. The score always enters (it is what the signature combines), as its
/// logit, log(p / (1 − p)) (p clamped to [1e−6, 1 − 1e−6]), so its odds ratio is per unit of log-odds; with no clinical
/// variable below the threshold the combined signature is a recalibration of the score alone. The model is fitted by
/// Firth's bias-reduced likelihood: a deep signature's training score is often an in-sample overfit that separates its
/// own training cases, where the plain likelihood has no finite maximum.
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
    /// <exception cref="OlnmUserException">The study has no clinical variable.</exception>
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

        var screen = Table(signature.Training);
        var univariable = UnivariableLogistic.Fit(DenseFeatureMatrix.Read(screen.ToDataView(ml), "Features", "Label"));
        int[] kept = [0, .. Enumerable.Range(1, names.Length - 1).Where(k => univariable[k] is { P: < EntryPValue })];
        FeatureTable Kept(FeatureTable table) => FeatureTable.FromRows(
            table.Source, table.Ids, [.. kept.Select(k => names[k])], [.. table.Rows.Select(r => kept.Select(k => r[k]).ToArray())], table.Labels);
        var training = Kept(screen).ToDataView(ml);
        var model = ml.BinaryClassification.Trainers.ClinicalLogistic(new ClinicalLogisticOptions { Firth = true }).Fit(training);
        var cohorts = signature.Cohorts.Select(cohort =>
        {
            var table = Kept(Table(cohort));
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
