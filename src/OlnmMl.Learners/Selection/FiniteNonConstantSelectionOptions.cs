using OlnmMl.Learners.Data;

namespace OlnmMl.Learners.Selection;

/// <summary>
/// Keeps a feature when every training value of it is finite (no NaN, ±∞) and not all training values are equal
/// (exact comparison with the first row); the rule the main job applies to the radiomics columns of the training
/// cohort (OlnmMl.Workflows' <c>RadiomicsColumns</c>), as a pipeline step. Unsupervised; scores are the population
/// variances (NaN for a feature with a non-finite training value). YAML <c>select: {method: finite-non-constant}</c>.
/// </summary>
public sealed class FiniteNonConstantSelectionOptions : FeatureSelectionOptions
{
    /// <inheritdoc />
    public override string MethodName => "finite-non-constant";

    internal override bool NeedsLabels => false;

    internal override bool NeedsFiniteValues => false;

    internal override FeatureSelectionResult Select(DenseFeatureMatrix train)
    {
        var kept = Enumerable.Range(0, train.Features).Where(j => IsFiniteAndVaried(train, j)).ToArray();
        return new FeatureSelectionResult(
            FeatureRanking.RequireAny(kept, MethodName, "every feature is non-finite or constant on the training rows"),
            ColumnStatistics.Variances(train));
    }

    private static bool IsFiniteAndVaried(DenseFeatureMatrix train, int j)
    {
        var first = train.Values[j];
        var varies = false;
        for (int i = 0; i < train.Rows; i++)
        {
            var value = train.Values[i * train.Features + j];
            if (!double.IsFinite(value)) return false;
            varies |= value != first;
        }
        return varies;
    }
}
