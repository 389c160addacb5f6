using Microsoft.ML;
using Microsoft.ML.Trainers;
using OlnmMl.Learners.Data;

namespace OlnmMl.Learners.Pipelines;

/// <summary>
/// ML.NET's L-BFGS logistic regression on <c>Features</c>/<c>Label</c>, penalised by <see cref="LbfgsLogisticOptions"/>;
/// YAML <c>lbfgs-logistic: {…}</c>. Its probability is σ(w·x + b) (a Platt calibrator of slope −1, offset 0), saved as
/// an ML.NET zip and exported to ONNX as a linear binary classifier.
/// </summary>
/// <param name="options">The penalties.</param>
public sealed class LbfgsLogisticStep(LbfgsLogisticOptions options) : TabularStep
{
    /// <summary>The penalties.</summary>
    public LbfgsLogisticOptions LogisticOptions { get; } = options;

    /// <inheritdoc />
    public override string Kind => "lbfgs-logistic";

    /// <inheritdoc />
    public override bool IsTrainer => true;

    /// <inheritdoc />
    public override object? Options => LogisticOptions;

    /// <inheritdoc />
    public override IEstimator<ITransformer> CreateEstimator(MLContext ml, TabularFitContext context) =>
        ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = DefaultColumnNames.Label,
            FeatureColumnName = DefaultColumnNames.Features,
            L1Regularization = (float)LogisticOptions.L1Regularization,
            L2Regularization = (float)LogisticOptions.L2Regularization,
            NumberOfThreads = 1, // one thread: the same fit on every run
        });
}
