using OlnmMl.Learners.Data;

namespace OlnmMl.Learners.Selection;

/// <summary>
/// Keeps features whose population variance on the training rows exceeds <see cref="Threshold"/>
/// (the default 0 drops constant columns). Unsupervised; scores are the variances.
/// </summary>
public sealed class VarianceSelectionOptions : FeatureSelectionOptions
{
    /// <summary>Features with variance ≤ threshold are dropped.</summary>
    public double Threshold { get; set; }

    /// <inheritdoc />
    public override string MethodName => "variance";

    internal override bool NeedsLabels => false;

    internal override void Validate()
    {
        if (!(Threshold >= 0)) throw new ArgumentOutOfRangeException(nameof(Threshold), Threshold, "Variance threshold must be ≥ 0.");
    }

    internal override FeatureSelectionResult Select(DenseFeatureMatrix train)
    {
        var variances = ColumnStatistics.Variances(train);
        var kept = FeatureRanking.Where(variances, v => v > Threshold);
        return new FeatureSelectionResult(FeatureRanking.RequireAny(kept, MethodName, $"variance > {Threshold}"), variances);
    }
}
