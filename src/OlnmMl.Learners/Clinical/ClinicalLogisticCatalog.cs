using Microsoft.ML;
using OlnmMl.Learners.Data;

namespace OlnmMl.Learners.Clinical;

/// <summary>Catalog entry points: <c>mlContext.BinaryClassification.Trainers.ClinicalLogistic(...)</c>.</summary>
public static class ClinicalLogisticCatalog
{
    /// <summary>Multivariable logistic regression with odds-ratio table (see <see cref="ClinicalLogisticTrainer"/>).</summary>
    public static ClinicalLogisticTrainer ClinicalLogistic(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
        string labelColumnName = DefaultColumnNames.Label, string featureColumnName = DefaultColumnNames.Features) =>
        new(new ClinicalLogisticOptions { LabelColumnName = labelColumnName, FeatureColumnName = featureColumnName });

    /// <summary>Multivariable logistic regression configured by <paramref name="options"/>.</summary>
    public static ClinicalLogisticTrainer ClinicalLogistic(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
        ClinicalLogisticOptions options) => new(options);
}
