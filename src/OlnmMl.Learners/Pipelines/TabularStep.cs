using Microsoft.ML;
using OlnmMl.Learners.Clinical;
using OlnmMl.Learners.Data;
using OlnmMl.Learners.Selection;
using OlnmMl.Learners.Svm;

namespace OlnmMl.Learners.Pipelines;

/// <summary>One step of a <see cref="TabularPipeline"/>; its YAML key is <see cref="Kind"/>.</summary>
public abstract class TabularStep
{
    /// <summary>The YAML key of the step: impute, normalize, select, svm, logistic, lbfgs-logistic, fasttree or lightgbm.</summary>
    public abstract string Kind { get; }

    /// <summary>Whether the step is a trainer (adds Score, Probability, PredictedLabel).</summary>
    public virtual bool IsTrainer => false;

    /// <summary>The options object whose properties the YAML keys set (null for <see cref="NormalizeStep"/>).</summary>
    public abstract object? Options { get; }

    /// <summary>An unfitted estimator for the step on the <c>Features</c>/<c>Label</c> columns.</summary>
    /// <param name="ml">The ML.NET context.</param>
    /// <param name="context">The training data and the steps fitted before this one.</param>
    public abstract IEstimator<ITransformer> CreateEstimator(MLContext ml, TabularFitContext context);
}

/// <summary>How <see cref="NormalizeStep"/> scales each feature (fitted on training rows).</summary>
public enum NormalizationMethod
{
    /// <summary>z = (x − mean)/SD (ML.NET NormalizeMeanVariance with fixZero = false).</summary>
    MeanVariance,

    /// <summary>(x − min)/(max − min) (ML.NET NormalizeMinMax with fixZero = false).</summary>
    MinMax,
}

/// <summary>Normalises the <c>Features</c> column with ML.NET's own normaliser; YAML <c>normalize: mean-variance</c>.</summary>
/// <param name="method">The normalisation.</param>
public sealed class NormalizeStep(NormalizationMethod method) : TabularStep
{
    /// <summary>The normalisation.</summary>
    public NormalizationMethod Method { get; } = method;

    /// <inheritdoc />
    public override string Kind => "normalize";

    /// <inheritdoc />
    public override object? Options => null;

    /// <inheritdoc />
    public override IEstimator<ITransformer> CreateEstimator(MLContext ml, TabularFitContext context) => Method == NormalizationMethod.MeanVariance
        ? ml.Transforms.NormalizeMeanVariance(DefaultColumnNames.Features, fixZero: false)
        : ml.Transforms.NormalizeMinMax(DefaultColumnNames.Features, fixZero: false);
}

/// <summary>A feature selection; YAML <c>select: {method: decision-tree, top_k: 10}</c>.</summary>
/// <param name="options">The selection method and its options.</param>
public sealed class SelectStep(FeatureSelectionOptions options) : TabularStep
{
    /// <inheritdoc />
    public override string Kind => "select";

    /// <inheritdoc />
    public override object? Options => SelectionOptions;

    /// <summary>The selection options.</summary>
    public FeatureSelectionOptions SelectionOptions { get; } = options;

    /// <inheritdoc />
    public override IEstimator<ITransformer> CreateEstimator(MLContext ml, TabularFitContext context) => new FeatureSelectionEstimator(SelectionOptions);
}

/// <summary>The kernel SVM trainer; YAML <c>svm: {kernel: rbf, gamma: scale, c: 1}</c>.</summary>
/// <param name="options">The SVM options.</param>
public sealed class KernelSvmStep(KernelSvmOptions options) : TabularStep
{
    /// <inheritdoc />
    public override string Kind => "svm";

    /// <inheritdoc />
    public override bool IsTrainer => true;

    /// <inheritdoc />
    public override object? Options => SvmOptions;

    /// <summary>The SVM options.</summary>
    public KernelSvmOptions SvmOptions { get; } = options;

    /// <inheritdoc />
    public override IEstimator<ITransformer> CreateEstimator(MLContext ml, TabularFitContext context) => new KernelSvmTrainer(SvmOptions);
}

/// <summary>The clinical logistic model as trainer; YAML <c>logistic: {confidence_level: 0.95}</c>, as a clinical signature <c>logistic: {entry_p_value: 0.05, backward_elimination: true}</c>.</summary>
/// <param name="options">The logistic options.</param>
public sealed class LogisticStep(ClinicalLogisticOptions options) : TabularStep
{
    /// <inheritdoc />
    public override string Kind => "logistic";

    /// <inheritdoc />
    public override bool IsTrainer => true;

    /// <inheritdoc />
    public override object? Options => LogisticOptions;

    /// <summary>The logistic options.</summary>
    public ClinicalLogisticOptions LogisticOptions { get; } = options;

    /// <inheritdoc />
    public override IEstimator<ITransformer> CreateEstimator(MLContext ml, TabularFitContext context) => new ClinicalLogisticTrainer(LogisticOptions);
}
