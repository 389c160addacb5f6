namespace OlnmMl.Radiomics.Texture;

/// <summary>
/// Averages a family's features over the matrices of one aggregation method (one matrix for the
/// merged methods). With no matrix at all (e.g. an empty ROI) every feature is NaN.
/// </summary>
internal sealed class FeatureAccumulator<TMatrix>(MatrixFeatureTable<TMatrix> table, string aggregationCode)
{
    private readonly double[] sums = new double[table.Count];
    private int count;

    /// <summary>Adds the features of one matrix.</summary>
    public void Add(TMatrix matrix)
    {
        table.AddTo(matrix, sums);
        count++;
    }

    /// <summary>Appends the averaged features to <paramref name="into"/>.</summary>
    public void Emit(List<FeatureValue> into)
    {
        for (var i = 0; i < sums.Length; i++)
        {
            var feature = table.Features[i];
            into.Add(new FeatureValue(feature.Name, feature.Code, aggregationCode, count == 0 ? double.NaN : sums[i] / count));
        }
    }
}
