using OlnmMl.Learners.Data;

namespace OlnmMl.Learners.Selection;

/// <summary>
/// Keeps the <see cref="TopK"/> features of largest Gini importance in one CART tree grown on the training rows
/// (<see cref="CartGiniImportance"/>) — the published radiomics study's "decision tree top-10" selection.
/// Features with zero importance are ranked by slot index after all positive ones. Scores are the importances.
/// </summary>
public sealed class DecisionTreeSelectionOptions : FeatureSelectionOptions
{
    /// <summary>Number of features kept.</summary>
    public int TopK { get; set; } = 10;

    /// <summary>Maximum depth (null: grow until leaves are pure or too small, as scikit-learn's default).</summary>
    public int? MaxDepth { get; set; }

    /// <summary>Minimum rows to split a node.</summary>
    public int MinSamplesSplit { get; set; } = 2;

    /// <summary>Minimum rows in each child.</summary>
    public int MinSamplesLeaf { get; set; } = 1;

    /// <inheritdoc />
    public override string MethodName => "decision-tree";

    internal override void Validate()
    {
        if (TopK < 1) throw new ArgumentOutOfRangeException(nameof(TopK), TopK, "TopK must be ≥ 1.");
        if (MaxDepth is < 1) throw new ArgumentOutOfRangeException(nameof(MaxDepth), MaxDepth, "MaxDepth must be ≥ 1.");
        if (MinSamplesSplit < 2) throw new ArgumentOutOfRangeException(nameof(MinSamplesSplit), MinSamplesSplit, "Must be ≥ 2.");
        if (MinSamplesLeaf < 1) throw new ArgumentOutOfRangeException(nameof(MinSamplesLeaf), MinSamplesLeaf, "Must be ≥ 1.");
    }

    internal override FeatureSelectionResult Select(DenseFeatureMatrix train)
    {
        var importance = CartGiniImportance.Compute(train, train.RequireLabels(), MaxDepth ?? int.MaxValue, MinSamplesSplit, MinSamplesLeaf);
        return new FeatureSelectionResult(FeatureRanking.TopK(importance, TopK), importance);
    }
}
