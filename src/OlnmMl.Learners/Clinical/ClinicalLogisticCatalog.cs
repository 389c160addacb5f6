using Microsoft.ML;
using OlnmMl.Learners.Data;

namespace OlnmMl.Learners.Clinical;

/// <summary>Catalog entry points: <c>mlContext.BinaryClassification.Trainers.ClinicalLogistic(...)</c> and <c>.ClinicalSignature(...)</c>.</summary>
public static class ClinicalLogisticCatalog
{
    /// <summary>Multivariable logistic regression with odds-ratio table (see <see cref="ClinicalLogisticTrainer"/>).</summary>
    public static ClinicalLogisticTrainer ClinicalLogistic(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
        string labelColumnName = DefaultColumnNames.Label, string featureColumnName = DefaultColumnNames.Features) =>
        new(new ClinicalLogisticOptions { LabelColumnName = labelColumnName, FeatureColumnName = featureColumnName });

    /// <summary>Multivariable logistic regression configured by <paramref name="options"/>.</summary>
    public static ClinicalLogisticTrainer ClinicalLogistic(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
        ClinicalLogisticOptions options) => new(options);

    /// <summary>
    /// The clinical (or combined) signature of the papers (<see cref="ClinicalSignature"/>): slots with univariable Wald
    /// p &lt; <paramref name="entryPValue"/> enter one multivariable logistic model, optionally followed by backward
    /// elimination at the same p. For the combined signature, first concatenate the signature score columns and the
    /// clinical variables, e.g. <c>ml.Transforms.Concatenate("Combined", "RadiomicsScore", "MilScore", "Clinical")</c>,
    /// and pass <c>featureColumnName: "Combined"</c>; fit on the training cohort only.
    /// </summary>
    public static ClinicalLogisticTrainer ClinicalSignature(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
        double entryPValue = 0.05, bool backwardElimination = false,
        string labelColumnName = DefaultColumnNames.Label, string featureColumnName = DefaultColumnNames.Features) =>
        new(new ClinicalLogisticOptions
        {
            LabelColumnName = labelColumnName,
            FeatureColumnName = featureColumnName,
            EntryPValue = entryPValue,
            BackwardElimination = backwardElimination,
        });
}
