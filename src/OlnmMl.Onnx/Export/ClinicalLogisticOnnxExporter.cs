using Microsoft.ML;
using OlnmMl.Learners.Clinical;
using OlnmMl.Onnx.Graph;

namespace OlnmMl.Onnx.Export;

/// <summary>
/// Exports OlnmMl.Learners' <see cref="ClinicalLogisticTransformer"/>: score η = β₀ + Σⱼ wⱼ xⱼ over every slot of the
/// predictor column (<see cref="ClinicalLogisticTransformer.InputWeights"/>: wⱼ = 0 for a slot the screen left out),
/// probability σ(η).
/// </summary>
public sealed class ClinicalLogisticOnnxExporter : ITransformerOnnxExporter
{
    /// <inheritdoc />
    public bool CanExport(ITransformer transformer) => transformer is ClinicalLogisticTransformer;

    /// <inheritdoc />
    public void Export(ITransformer transformer, OnnxExportContext context)
    {
        var logistic = (ClinicalLogisticTransformer)transformer;
        var (features, width) = context.Column(logistic.FeatureColumnName);
        var weights = logistic.InputWeights().Select(w => (float)w).ToArray();
        if (weights.Length != width)
        {
            throw new InvalidOperationException(
                $"Clinical logistic model reads {weights.Length} slots but column '{logistic.FeatureColumnName}' has {width}.");
        }

        context.Score = TabularOps.LinearScore(context.Graph, features, weights, (float)logistic.Intercept, "logistic_score");
        context.Probability = context.Graph.AddNode("Sigmoid", [context.Score], "logistic_probability");
    }
}
