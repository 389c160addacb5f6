using Microsoft.ML;
using OlnmMl.Evaluation.Clinical;
using OlnmMl.Learners.Clinical;
using OlnmMl.Learners.Data;

namespace OlnmMl.Workflows.Reports;

/// <summary>The <see cref="Nomogram"/> of a fitted clinical logistic model: its intercept, and per variable in the model its β and training values (range; categorical when few integer levels, <see cref="NomogramPredictor.FromTraining"/>).</summary>
public static class ClinicalNomogram
{
    /// <summary>Builds the nomogram scale.</summary>
    /// <param name="model">The fitted model.</param>
    /// <param name="training">The training cohort with the model's predictor column (<see cref="ClinicalLogisticTransformer.FeatureColumnName"/>).</param>
    public static Nomogram From(ClinicalLogisticTransformer model, IDataView training)
    {
        var matrix = DenseFeatureMatrix.Read(training, model.FeatureColumnName, labelColumn: null);
        var column = new double[matrix.Rows];
        var predictors = model.Slots.Select((slot, k) =>
        {
            matrix.CopyColumn(slot, column);
            return NomogramPredictor.FromTraining(model.Coefficients[k + 1].Name, model.Coefficients[k + 1].Estimate, column);
        }).ToArray();
        return new Nomogram(model.Intercept, predictors);
    }
}
