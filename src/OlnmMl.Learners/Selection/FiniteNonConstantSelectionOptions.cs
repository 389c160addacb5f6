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

    /// <summary>The rule for one feature: true when every one of its training <paramref name="values"/> is finite and not all equal the first.</summary>
    public static bool Keeps(IEnumerable<double> values)
    {
        double? first = null;
        var varies = false;
        foreach (var value in values)
        {
            if (!double.IsFinite(value)) return false;
            first ??= value;
            varies |= value != first;
        }
        return varies;
    }

    internal override FeatureSelectionResult Select(DenseFeatureMatrix train)
    {
        var kept = Enumerable.Range(0, train.Features)
            .Where(j => Keeps(Enumerable.Range(0, train.Rows).Select(i => train.Values[i * train.Features + j])))
            .ToArray();
        return new FeatureSelectionResult(
            FeatureRanking.RequireAny(kept, MethodName, "every feature is non-finite or constant on the training rows"),
            ColumnStatistics.Variances(train));
    }
}
