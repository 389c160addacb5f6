using OlnmMl.Learners.Clinical;
using OlnmMl.Learners.Data;

namespace OlnmMl.Learners.Selection;

/// <summary>
/// The clinical papers' univariable screen: one logistic regression per feature (<see cref="LogisticRegression"/>,
/// y ~ β₀ + β·x), and a feature is kept when its two-sided Wald p = 2(1 − Φ(|β/SE|)) is below <see cref="Alpha"/>
/// (0.1 in the PET/CT study: "variables with p &lt; 0.1 entered the multivariable model"). When fewer than
/// <see cref="MinFeatures"/> pass, the <see cref="MinFeatures"/> with the smallest p are kept, so a small training
/// cohort still yields a model. Scores are the p-values; a feature whose regression cannot be fitted (constant,
/// or separating the classes) has p = 1.
/// </summary>
public sealed class UnivariableLogisticSelectionOptions : FeatureSelectionOptions
{
    /// <summary>Significance level; features with p &lt; α are kept.</summary>
    public double Alpha { get; set; } = 0.1;

    /// <summary>The fewest features kept (smallest p first) when fewer pass the screen.</summary>
    public int MinFeatures { get; set; } = 1;

    /// <inheritdoc />
    public override string MethodName => "univariable-logistic";

    internal override void Validate()
    {
        if (!(Alpha > 0 && Alpha <= 1)) throw new ArgumentOutOfRangeException(nameof(Alpha), Alpha, "Univariable screen alpha must be in (0, 1].");
        if (MinFeatures < 1) throw new ArgumentOutOfRangeException(nameof(MinFeatures), MinFeatures, "Must be ≥ 1.");
    }

    internal override FeatureSelectionResult Select(DenseFeatureMatrix train)
    {
        var p = UnivariableLogistic.Fit(train).Select(c => c?.P ?? 1).ToArray();
        var kept = FeatureRanking.Where(p, v => v < Alpha);
        if (kept.Length < MinFeatures)
        {
            kept = FeatureRanking.TopK(p.Select(v => -v).ToArray(), Math.Min(MinFeatures, train.Features));
        }

        return new FeatureSelectionResult(kept, p);
    }
}
