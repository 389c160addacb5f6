namespace OlnmMl.Learners.Pipelines;

/// <summary>
/// Options of <see cref="BoostedTreesStep"/> (ML.NET's FastTree or LightGBM binary classifier), named as in ML.NET's
/// convenience methods; YAML <c>fasttree: {number_of_trees: 100, number_of_leaves: 20, minimum_example_count_per_leaf: 10, learning_rate: 0.2}</c>.
/// The defaults are ML.NET's.
/// </summary>
public sealed class BoostedTreesOptions
{
    /// <summary>Boosting rounds (FastTree <c>numberOfTrees</c>, LightGBM <c>numberOfIterations</c>).</summary>
    public int NumberOfTrees { get; set; } = 100;

    /// <summary>Maximum leaves per tree.</summary>
    public int NumberOfLeaves { get; set; } = 20;

    /// <summary>Minimum training rows per leaf.</summary>
    public int MinimumExampleCountPerLeaf { get; set; } = 10;

    /// <summary>Shrinkage of each tree's contribution.</summary>
    public double LearningRate { get; set; } = 0.2;

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">A count is not positive or the learning rate is not in (0, 1].</exception>
    public void Validate()
    {
        if (NumberOfTrees < 1 || NumberOfLeaves < 2 || MinimumExampleCountPerLeaf < 1)
            throw new ArgumentException($"number_of_trees ({NumberOfTrees}) and minimum_example_count_per_leaf ({MinimumExampleCountPerLeaf}) must be ≥ 1 and number_of_leaves ({NumberOfLeaves}) ≥ 2.");
        if (LearningRate is not (> 0 and <= 1))
            throw new ArgumentException($"learning_rate must be in (0, 1]; it is {LearningRate}.");
    }
}
