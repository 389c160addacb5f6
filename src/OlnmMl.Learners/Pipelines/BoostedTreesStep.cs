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
            : trainers.LightGbm(DefaultColumnNames.Label, DefaultColumnNames.Features, numberOfLeaves: o.NumberOfLeaves,
                minimumExampleCountPerLeaf: o.MinimumExampleCountPerLeaf, learningRate: o.LearningRate, numberOfIterations: o.NumberOfTrees);
    }
}
