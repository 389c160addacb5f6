using OlnmMl.Learners.Clinical;
using OlnmMl.Learners.Imputation;
using OlnmMl.Learners.Selection;
using OlnmMl.Learners.Svm;

namespace OlnmMl.Learners.Pipelines;

/// <summary>
/// Builds a <see cref="TabularPipeline"/> in code; each method is one YAML step (<see cref="TabularPipelineYaml"/>):
/// <c>NormalizeMeanVariance()</c> ↔ <c>normalize: mean-variance</c>, <c>Select(options)</c> ↔ <c>select: {method, …}</c>,
/// <c>SelectByIcc(csv, options)</c> ↔ <c>select: {method: icc, second_extraction: csv, …}</c>,
/// <c>KernelSvm(options)</c> ↔ <c>svm: {…}</c>, <c>Logistic(options)</c> ↔ <c>logistic: {…}</c>,
/// <c>FastTree(options)</c> ↔ <c>fasttree: {…}</c>, <c>LightGbm(options)</c> ↔ <c>lightgbm: {…}</c>,
/// <c>LbfgsLogistic(options)</c> ↔ <c>lbfgs-logistic: {…}</c>, <c>Impute(options)</c> ↔ <c>impute: {method: median}</c>.
/// </summary>
/// <param name="name">Pipeline name (recorded in the model directory).</param>
public sealed class TabularPipelineBuilder(string name)
{
    private readonly List<TabularStep> _steps = [];

    /// <summary>Adds ML.NET's mean–variance normaliser.</summary>
    public TabularPipelineBuilder NormalizeMeanVariance() => Add(new NormalizeStep(NormalizationMethod.MeanVariance));

    /// <summary>Adds ML.NET's min–max normaliser.</summary>
    public TabularPipelineBuilder NormalizeMinMax() => Add(new NormalizeStep(NormalizationMethod.MinMax));

    /// <summary>Adds the replacement of non-finite values by each slot's training median or mean (see <see cref="ImputeStep"/>).</summary>
    public TabularPipelineBuilder Impute(ImputeOptions options) => Add(new ImputeStep(options));

    /// <summary>Adds a feature selection (the options type is the method).</summary>
    public TabularPipelineBuilder Select(FeatureSelectionOptions options) => Add(new SelectStep(options));

    /// <summary>Adds ICC selection against a second extraction stored as a feature table (see <see cref="IccSelectStep"/>).</summary>
    public TabularPipelineBuilder SelectByIcc(string secondExtractionCsv, IccSelectionOptions options, string idColumn = "id") =>
        Add(new IccSelectStep(secondExtractionCsv, idColumn, options));

    /// <summary>Adds the kernel SVM trainer.</summary>
    public TabularPipelineBuilder KernelSvm(KernelSvmOptions options) => Add(new KernelSvmStep(options));

    /// <summary>Adds the clinical logistic trainer.</summary>
    public TabularPipelineBuilder Logistic(ClinicalLogisticOptions options) => Add(new LogisticStep(options));

    /// <summary>Adds ML.NET's FastTree binary classifier.</summary>
    public TabularPipelineBuilder FastTree(BoostedTreesOptions options) => Add(new BoostedTreesStep(BoostedTreesTrainer.FastTree, options));

    /// <summary>Adds ML.NET's LightGBM binary classifier.</summary>
    public TabularPipelineBuilder LightGbm(BoostedTreesOptions options) => Add(new BoostedTreesStep(BoostedTreesTrainer.LightGbm, options));

    /// <summary>Adds ML.NET's penalised L-BFGS logistic regression.</summary>
    public TabularPipelineBuilder LbfgsLogistic(LbfgsLogisticOptions options) => Add(new LbfgsLogisticStep(options));

    /// <summary>Adds a step.</summary>
    public TabularPipelineBuilder Add(TabularStep step)
    {
        _steps.Add(step);
        return this;
    }

    /// <summary>The pipeline.</summary>
    /// <exception cref="InvalidOperationException">Unless exactly one trainer step is present and it is last.</exception>
    public TabularPipeline Build()
    {
        var trainers = _steps.Count(s => s.IsTrainer);
        if (trainers != 1 || !_steps[^1].IsTrainer)
            throw new InvalidOperationException($"Pipeline '{name}' needs exactly one trainer step (svm, logistic, lbfgs-logistic, fasttree or lightgbm), as its last step; it has {trainers}.");
        return new TabularPipeline(name, [.. _steps]);
    }
}
