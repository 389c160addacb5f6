using OlnmMl.Learners.Data;
using OlnmMl.Learners.Statistics;

namespace OlnmMl.Learners.Selection;

/// <summary>
/// Keeps features whose Mann–Whitney U-test p-value between the classes is below <see cref="Alpha"/>
/// (<see cref="MannWhitney"/>); with <see cref="MaxFeatures"/>, at most that many with the smallest p.
/// Scores are the p-values. A constant feature has p = 1 and is never kept.
/// </summary>
public sealed class UTestSelectionOptions : FeatureSelectionOptions
{
    /// <summary>Significance level; features with p &lt; α are kept.</summary>
    public double Alpha { get; set; } = 0.05;

    /// <summary>Optional cap on the number kept (smallest p first).</summary>
    public int? MaxFeatures { get; set; }

    /// <inheritdoc />
    public override string MethodName => "utest";

    internal override void Validate()
    {
        if (!(Alpha > 0 && Alpha <= 1)) throw new ArgumentOutOfRangeException(nameof(Alpha), Alpha, "U-test alpha must be in (0, 1].");
        if (MaxFeatures is < 1) throw new ArgumentOutOfRangeException(nameof(MaxFeatures), MaxFeatures, "Must be ≥ 1.");
    }

    internal override FeatureSelectionResult Select(DenseFeatureMatrix train)
    {
        var labels = train.RequireLabels();
        var p = new double[train.Features];
        Parallel.For(0, train.Features, () => (Column: new double[train.Rows], Order: new int[train.Rows]), (j, _, buffers) =>
        {
            train.CopyColumn(j, buffers.Column);
            p[j] = MannWhitney.Test(buffers.Column, labels, buffers.Order).P;
            return buffers;
        }, _ => { });
        var kept = FeatureRanking.Where(p, v => v < Alpha);
        if (MaxFeatures is { } k && kept.Length > k)
            kept = FeatureRanking.TopK(p.Select(v => -v).ToArray(), k);
        return new FeatureSelectionResult(FeatureRanking.RequireAny(kept, MethodName, $"p < {Alpha}"), p);
    }
}
