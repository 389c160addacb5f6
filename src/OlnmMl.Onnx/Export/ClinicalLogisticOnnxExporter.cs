using Microsoft.ML;
using OlnmMl.Learners.Clinical;
using OlnmMl.Onnx.Graph;

namespace OlnmMl.Onnx.Export;

/// <summary>
/// Exports OlnmMl.Learners' <see cref="ClinicalLogisticTransformer"/>: score η = β₀ + Σⱼ βⱼ xⱼ
/// (intercept first in <see cref="ClinicalLogisticTransformer.Coefficients"/>), probability σ(η).
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
        var beta = logistic.Coefficients.Select(c => (float)c.Estimate).ToArray();
        if (beta.Length - 1 != width)
        {
            throw new InvalidOperationException(
                $"Clinical logistic model has {beta.Length - 1} predictors but column '{logistic.FeatureColumnName}' has {width} slots.");
        }

        context.Score = TabularOps.LinearScore(context.Graph, features, beta.AsSpan(1), beta[0], "logistic_score");
        context.Probability = context.Graph.AddNode("Sigmoid", [context.Score], "logistic_probability");
    }
}
