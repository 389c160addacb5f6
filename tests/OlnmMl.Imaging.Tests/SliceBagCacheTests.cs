using OlnmMl.Imaging.Preprocessing;

namespace OlnmMl.Imaging.Tests;

public sealed class SliceBagCacheTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void ASecondReadFromDiskEqualsTheFirst()
    {
        var images = SliceBagCase.Write(_temp);
        var options = SliceBagCase.Options() with { Orthogonal = true };
        var first = new SliceBagCache(_temp.File("cache")).GetOrPrepare(images, options);
        var file = Assert.Single(Directory.GetFiles(_temp.File("cache")));
        var written = File.GetLastWriteTimeUtc(file);

        var second = new SliceBagCache(_temp.File("cache")).GetOrPrepare(images, options);

        Assert.Equal(written, File.GetLastWriteTimeUtc(file)); // read, not rewritten
        Assert.Equal(first.Instances, second.Instances);
        Assert.Equal(first.Values, second.Values);
        Assert.Equal((first.Channels, first.Size), (second.Channels, second.Size));
        Assert.NotEqual(file, new SliceBagCache(_temp.File("cache")).FileOf(images, options with { Size = 6 }));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ACorruptedEntryIsRebuiltNotTrusted(bool truncate)
    {
        var images = SliceBagCase.Write(_temp);
        var options = SliceBagCase.Options();
        var cache = new SliceBagCache(_temp.File("cache"));
        var first = cache.GetOrPrepare(images, options);
        var file = cache.FileOf(images, options);
        var good = File.ReadAllBytes(file);
        var bad = truncate ? good[..^40] : (byte[])good.Clone();
        if (!truncate)
        {
            bad[good.Length / 2] ^= 0x40; // one flipped bit in a value: same length, wrong content
        }

        File.WriteAllBytes(file, bad);

        var again = new SliceBagCache(_temp.File("cache")).GetOrPrepare(images, options);

        Assert.Equal(first.Values, again.Values);
        Assert.Equal(good, File.ReadAllBytes(file)); // rewritten
    }
}
