using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using OlnmMl.Onnx.Graph;

namespace OlnmMl.Onnx.Export;

/// <summary>
/// Exports ML.NET linear binary classifiers (logistic regression, SDCA, linear SVM …):
/// score s = w·x + b, and when Platt-calibrated, p = 1 / (1 + exp(A·s + B)) with ML.NET's
/// <see cref="PlattCalibrator.Slope"/> = A and <see cref="PlattCalibrator.Offset"/> = B.
/// </summary>
public sealed class LinearBinaryOnnxExporter : ITransformerOnnxExporter
{
    /// <inheritdoc />
    public bool CanExport(ITransformer transformer) =>
        transformer is BinaryPredictionTransformer<LinearBinaryModelParameters>
        or BinaryPredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>>;

    /// <inheritdoc />
    public void Export(ITransformer transformer, OnnxExportContext context)
    {
        var (featureColumn, linear, platt) = transformer switch
        {
            BinaryPredictionTransformer<LinearBinaryModelParameters> raw => (raw.FeatureColumnName, raw.Model, (PlattCalibrator?)null),
            BinaryPredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>> calibrated =>
                (calibrated.FeatureColumnName, calibrated.Model.SubModel, calibrated.Model.Calibrator),
            _ => throw new NotSupportedException($"{transformer.GetType().Name} is not a linear binary classifier."),
        };
        var (features, width) = context.Column(featureColumn);
        var weights = linear.Weights.ToArray();
        if (weights.Length != width)
        {
            throw new InvalidOperationException(
                $"Linear model has {weights.Length} weights but feature column '{featureColumn}' has {width} slots.");
        }

        context.Score = TabularOps.LinearScore(context.Graph, features, weights, linear.Bias, "linear_score");
        if (platt is not null)
        {
            context.Probability = TabularOps.Platt(context.Graph, context.Score, platt.Slope, platt.Offset, "linear_probability");
        }
    }
}
