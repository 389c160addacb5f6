namespace OlnmMl.Radiomics.Tests.Texture;

/// <summary>
/// Texture features do not depend on orientation: mirroring the digital phantom leaves its 3D
/// features unchanged (any axis), and its 2D/2.5D features too when the mirror keeps the slices
/// (x or y).
/// </summary>
public sealed class MirrorInvarianceTests
{
    private static readonly string[] VolumeAggregations = ["ITBB", "IAZD", "KOBO"];

    public static TheoryData<string, int> FamiliesAndAxes()
    {
        var data = new TheoryData<string, int>();
        foreach (var family in PhantomTextureFamilies.ByReferenceName.Keys)
        {
            for (var axis = 0; axis < 3; axis++)
            {
                data.Add(family, axis);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FamiliesAndAxes))]
    public void Mirrored_phantom_gives_the_same_features(string family, int axis)
    {
        var compute = PhantomTextureFamilies.ByReferenceName[family];
        var original = compute(IbsiDigitalPhantom.Roi);
        var mirrored = compute(TestRois.Mirror(IbsiDigitalPhantom.Roi, axis));
        Assert.Equal(original.Count, mirrored.Count);
        for (var k = 0; k < original.Count; k++)
        {
            if (axis == 2 && !VolumeAggregations.Contains(original[k].IbsiAggregation))
            {
                continue;
            }

            Assert.Equal((original[k].IbsiFeature, original[k].IbsiAggregation), (mirrored[k].IbsiFeature, mirrored[k].IbsiAggregation));
            Assert.True(
                Math.Abs(original[k].Value - mirrored[k].Value) <= 1e-9 * Math.Max(1, Math.Abs(original[k].Value)),
                $"{original[k].Name} ({original[k].IbsiAggregation}) axis {axis}: {original[k].Value} vs {mirrored[k].Value}.");
        }
    }

    [Fact]
    public void Mirroring_changes_the_phantom()
    {
        // Guards the test above against a no-op mirror: the phantom is not symmetric along x.
        Assert.NotEqual(IbsiDigitalPhantom.Roi.GreyLevels, TestRois.Mirror(IbsiDigitalPhantom.Roi, 0).GreyLevels);
    }
}
