using Microsoft.ML;
using OlnmMl.Learners.Data;
using OlnmMl.Learners.Statistics;

namespace OlnmMl.Learners.Selection;

/// <summary>
/// Reproducibility filter: keeps features whose intraclass correlation between the training table and a second
/// extraction of the same rows (<see cref="SecondExtraction"/>: another segmentation or a perturbed re-extraction,
/// same row order, same feature column) is at least <see cref="Threshold"/>. Unsupervised; scores are the ICCs
/// (NaN, never kept, for a feature constant in both tables).
/// </summary>
public sealed class IccSelectionOptions : FeatureSelectionOptions
{
    /// <summary>The second extraction of the training rows (same order and row count, same feature column name).</summary>
    public IDataView? SecondExtraction { get; set; }

    /// <summary>Minimum ICC kept (0.75 = "good" reliability, Koo &amp; Li 2016).</summary>
    public double Threshold { get; set; } = 0.75;

    /// <summary>ICC form.</summary>
    public IccForm Form { get; set; } = IccForm.Consistency31;

    /// <inheritdoc />
    public override string MethodName => "icc";

    internal override bool NeedsLabels => false;

    internal override void Validate()
    {
        if (!(Threshold >= -1 && Threshold <= 1)) throw new ArgumentOutOfRangeException(nameof(Threshold), Threshold, "ICC threshold must be in [−1, 1].");
    }

    internal override FeatureSelectionResult Select(DenseFeatureMatrix train)
    {
        var secondData = SecondExtraction
            ?? throw new InvalidOperationException("ICC selection needs SecondExtraction, the second extraction of the training rows.");
        var second = DenseFeatureMatrix.Read(secondData, FeatureColumnName, null);
        if (second.Rows != train.Rows || second.Features != train.Features)
            throw new ArgumentException($"Second extraction has {second.Rows} rows × {second.Features} features; the training table has {train.Rows} × {train.Features}.", nameof(SecondExtraction));
        for (int j = 0; j < train.Features; j++)
            if (second.SlotNames[j] != train.SlotNames[j])
                throw new ArgumentException($"Second extraction slot {j} is '{second.SlotNames[j]}', the training table's is '{train.SlotNames[j]}'.", nameof(SecondExtraction));

        var icc = new double[train.Features];
        Parallel.For(0, train.Features, () => new double[train.Rows * 2], (j, _, ratings) =>
        {
            for (int i = 0; i < train.Rows; i++)
            {
                ratings[2 * i] = train.Values[i * train.Features + j];
                ratings[2 * i + 1] = second.Values[i * train.Features + j];
            }
            icc[j] = IntraclassCorrelation.Compute(ratings, train.Rows, 2, Form);
            return ratings;
        }, _ => { });
        var kept = FeatureRanking.Where(icc, v => v >= Threshold);
        return new FeatureSelectionResult(FeatureRanking.RequireAny(kept, MethodName, $"ICC ≥ {Threshold}"), icc);
    }
}
