namespace OlnmMl.Radiomics.Tests.Texture;

/// <summary>Every texture row of the IBSI digital phantom reference table, matched within its tolerance.</summary>
public sealed class DigitalPhantomTests
{
    private static readonly Dictionary<string, IReadOnlyList<FeatureValue>> Computed = PhantomTextureFamilies.ByReferenceName
        .ToDictionary(f => f.Key, f => f.Value(IbsiDigitalPhantom.Roi));

    public static TheoryData<string> TextureRows()
    {
        var data = new TheoryData<string>();
        foreach (var row in IbsiDigitalPhantom.ReferenceRows.Where(r => PhantomTextureFamilies.ByReferenceName.ContainsKey(r.Family)))
        {
            data.Add(row.ToString());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TextureRows))]
    public void Feature_matches_the_IBSI_reference(string rowName)
    {
        var row = IbsiDigitalPhantom.ReferenceRows.Single(r => r.ToString() == rowName);
        var aggregation = PhantomTextureFamilies.AggregationCode(row.Aggregation);
        var value = Computed[row.Family].Single(f => f.IbsiFeature == row.Code && f.IbsiAggregation == aggregation).Value;
        Assert.True(row.Accepts(value), $"{row}: expected {row.Value} (tolerance {row.Tolerance}), got {value}.");
    }
}
