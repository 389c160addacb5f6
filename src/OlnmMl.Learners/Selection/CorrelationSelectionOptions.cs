using OlnmMl.Learners.Data;

namespace OlnmMl.Learners.Selection;

/// <summary>
/// Redundancy filter: walks the features in slot order and keeps a feature unless its absolute Pearson correlation
/// with an already kept feature exceeds <see cref="Threshold"/>. Constant features (undefined r) are dropped.
/// Unsupervised; scores are each feature's largest |r| with a previously kept feature.
/// </summary>
public sealed class CorrelationSelectionOptions : FeatureSelectionOptions
{
    /// <summary>Maximum |r| allowed between kept features.</summary>
    public double Threshold { get; set; } = 0.9;

    /// <inheritdoc />
    public override string MethodName => "correlation";

    internal override bool NeedsLabels => false;

    internal override void Validate()
    {
        if (!(Threshold > 0 && Threshold <= 1)) throw new ArgumentOutOfRangeException(nameof(Threshold), Threshold, "Correlation threshold must be in (0, 1].");
    }

    internal override FeatureSelectionResult Select(DenseFeatureMatrix train)
    {
        var z = ColumnStatistics.StandardizedColumns(train, out var sd);
        var n = train.Rows;
        var kept = new List<int>();
        var scores = new double[train.Features];
        for (int j = 0; j < train.Features; j++)
        {
            if (sd[j] == 0)
            {
                scores[j] = double.NaN;
                continue;
            }
            var zj = z.AsSpan(j * n, n);
            double worst = 0;
            foreach (var k in kept)
            {
                var r = Math.Abs(ColumnStatistics.Dot(zj, z.AsSpan(k * n, n)) / n);
                worst = Math.Max(worst, r);
                if (worst > Threshold) break;
            }
            scores[j] = worst;
            if (worst <= Threshold) kept.Add(j);
        }
        return new FeatureSelectionResult(FeatureRanking.RequireAny([.. kept], MethodName, $"|r| ≤ {Threshold}"), scores);
    }
}
