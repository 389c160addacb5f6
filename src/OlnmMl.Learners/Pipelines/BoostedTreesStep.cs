using Microsoft.ML;
using OlnmMl.Learners.Data;

namespace OlnmMl.Learners.Pipelines;

/// <summary>Which ML.NET gradient-boosted tree trainer a <see cref="BoostedTreesStep"/> runs.</summary>
public enum BoostedTreesTrainer
{
    /// <summary>ML.NET's FastTree (MART); YAML key <c>fasttree</c>.</summary>
    FastTree,

    /// <summary>ML.NET's LightGBM; YAML key <c>lightgbm</c>.</summary>
    LightGbm,
}

/// <summary>
/// ML.NET's own Platt-calibrated binary tree-ensemble trainer on <c>Features</c>/<c>Label</c>; YAML
/// <c>fasttree: {…}</c> or <c>lightgbm: {…}</c> with <see cref="BoostedTreesOptions"/>. Randomness comes from the
/// <see cref="MLContext"/>'s seed.
/// </summary>
/// <param name="trainer">FastTree or LightGBM.</param>
/// <param name="options">The boosting options.</param>
public sealed class BoostedTreesStep(BoostedTreesTrainer trainer, BoostedTreesOptions options) : TabularStep
{
    /// <summary>The trainer.</summary>
    public BoostedTreesTrainer Trainer { get; } = trainer;

    /// <summary>The boosting options.</summary>
    public BoostedTreesOptions TreesOptions { get; } = options;

    /// <inheritdoc />
    public override string Kind => Trainer == BoostedTreesTrainer.FastTree ? "fasttree" : "lightgbm";

    /// <inheritdoc />
    public override bool IsTrainer => true;

    /// <inheritdoc />
    public override object? Options => TreesOptions;

    /// <inheritdoc />
    public override IEstimator<ITransformer> CreateEstimator(MLContext ml, TabularFitContext context)
    {
        var trainers = ml.BinaryClassification.Trainers;
        var o = TreesOptions;
        return Trainer == BoostedTreesTrainer.FastTree
            ? trainers.FastTree(DefaultColumnNames.Label, DefaultColumnNames.Features, numberOfLeaves: o.NumberOfLeaves,
                numberOfTrees: o.NumberOfTrees, minimumExampleCountPerLeaf: o.MinimumExampleCountPerLeaf, learningRate: o.LearningRate)
            : new OneLeafTreeGuard(trainers.LightGbm(DefaultColumnNames.Label, DefaultColumnNames.Features, numberOfLeaves: o.NumberOfLeaves,
                minimumExampleCountPerLeaf: o.MinimumExampleCountPerLeaf, learningRate: o.LearningRate, numberOfIterations: o.NumberOfTrees), o);
    }

    /// <summary>
    /// ML.NET's LightGBM wrapper throws <see cref="ArgumentNullException"/> ("items") when LightGBM returns a tree of one
    /// leaf, i.e. no split was allowed (dotnet/machinelearning#5022); this says so in terms of the step's options.
    /// </summary>
    private sealed class OneLeafTreeGuard(IEstimator<ITransformer> inner, BoostedTreesOptions options) : IEstimator<ITransformer>
    {
        public ITransformer Fit(IDataView input)
        {
            try
            {
                return inner.Fit(input);
            }
            catch (ArgumentNullException e) when (e.ParamName == "items")
            {
                throw new InvalidOperationException(
                    $"LightGBM grew a tree without a split, which ML.NET cannot represent (dotnet/machinelearning#5022): the training rows are too few for minimum_example_count_per_leaf = {options.MinimumExampleCountPerLeaf}; lower it.", e);
            }
        }

        public SchemaShape GetOutputSchema(SchemaShape inputSchema) => inner.GetOutputSchema(inputSchema);
    }
}
