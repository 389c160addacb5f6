namespace OlnmMl.Radiomics.Texture;

/// <summary>
/// Averages a family's features over the matrices of one aggregation method (one matrix for the
/// merged methods), each feature over the matrices where it is defined (e.g. GLCM correlation is
/// undefined on a slice of one grey level); NaN where it is defined on none (e.g. an empty ROI).
/// </summary>
internal sealed class FeatureAccumulator<TMatrix>(MatrixFeatureTable<TMatrix> table, string aggregationCode)
{
    private readonly double[] sums = new double[table.Count];
    private readonly int[] counts = new int[table.Count];

    /// <summary>Adds the features of one matrix.</summary>
    public void Add(TMatrix matrix)
    {
        table.AddTo(matrix, sums, counts);
    }

    /// <summary>Appends the averaged features to <paramref name="into"/>.</summary>
    public void Emit(List<FeatureValue> into)
    {
        for (var i = 0; i < sums.Length; i++)
        {
            var feature = table.Features[i];
            into.Add(new FeatureValue(feature.Name, feature.Code, aggregationCode, counts[i] == 0 ? double.NaN : sums[i] / counts[i]));
        }
    }
}
