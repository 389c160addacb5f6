using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using OlnmMl.Onnx.Graph;

namespace OlnmMl.Onnx.Export;

/// <summary>
/// Exports ML.NET's Platt-calibrated binary tree ensembles (FastTree, LightGBM, and any other trainer whose
/// model is a <see cref="TreeEnsembleModelParametersBasedOnRegressionTree"/>) from their public trees:
/// score s = bias + Σₜ wₜ · leafₜ(x) as one <c>ai.onnx.ml</c> <c>TreeEnsembleRegressor</c> (see
/// <see cref="TreeEnsembleOps"/>), probability p = 1 / (1 + exp(A·s + B)) with the Platt slope A and offset B —
/// ML.NET's own rule. Categorical splits are refused with the tree named.
/// </summary>
public sealed class TreeEnsembleOnnxExporter : ITransformerOnnxExporter
{
    /// <inheritdoc />
    public bool CanExport(ITransformer transformer) => Calibrated(transformer) is not null;

    /// <inheritdoc />
    public void Export(ITransformer transformer, OnnxExportContext context)
    {
        var (featureColumn, ensemble, platt) = Calibrated(transformer)
            ?? throw new NotSupportedException($"{transformer.GetType().Name} is not a Platt-calibrated binary tree ensemble.");
        var (features, width) = context.Column(featureColumn);
        context.Score = TreeEnsembleOps.Score(context.Graph, features, width, ensemble.TrainedTreeEnsemble, "trees_score");
        context.Probability = TabularOps.Platt(context.Graph, context.Score, platt.Slope, platt.Offset, "trees_probability");
    }

    private static (string FeatureColumn, TreeEnsembleModelParametersBasedOnRegressionTree Ensemble, PlattCalibrator Platt)? Calibrated(ITransformer transformer) =>
        transformer is ISingleFeaturePredictionTransformer<object> { Model: CalibratedModelParametersBase { SubModel: TreeEnsembleModelParametersBasedOnRegressionTree trees, Calibrator: PlattCalibrator platt } } predictor
            && transformer.GetType().IsGenericType
            && transformer.GetType().GetGenericTypeDefinition() == typeof(BinaryPredictionTransformer<>)
            ? (predictor.FeatureColumnName, trees, platt)
            : null;
}
