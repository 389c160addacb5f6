using System.Buffers.Binary;
using OlnmMl.Reporting.Figures;
using ScottPlot;
using SkiaSharp;

namespace OlnmMl.Reporting.Tests;

/// <summary>The baseline TIFF, read back by the TIFF 6.0 layout (header, directory entries by tag, one RGB strip).</summary>
public sealed class TiffFileTests
{
    /// <summary>The value of <paramref name="tag"/> in the first directory: the inline SHORT/LONG value, or the offset of a longer one.</summary>
    private static uint Tag(byte[] tiff, ushort tag)
    {
        var directory = (int)BinaryPrimitives.ReadUInt32LittleEndian(tiff.AsSpan(4));
        int count = BinaryPrimitives.ReadUInt16LittleEndian(tiff.AsSpan(directory));
        for (var i = 0; i < count; i++)
        {
            var entry = tiff.AsSpan(directory + 2 + 12 * i);
            if (BinaryPrimitives.ReadUInt16LittleEndian(entry) == tag)
            {
                var type = BinaryPrimitives.ReadUInt16LittleEndian(entry[2..]);
                var values = BinaryPrimitives.ReadUInt32LittleEndian(entry[4..]);
                return type == 3 && values == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(entry[8..]) : BinaryPrimitives.ReadUInt32LittleEndian(entry[8..]);
            }
        }

        throw new KeyNotFoundException($"TIFF tag {tag} is missing.");
    }

    [Fact]
    public void TwoPixelImageHasTheBaselineHeaderAndItsPixelsOverWhite()
    {
        // Opaque red, then blue at alpha 51 (20%): over white 255·0.8 = 204 for red and green, 255 for blue.
        byte[] rgba = [255, 0, 0, 255, 0, 0, 255, 51];

        var tiff = TiffFile.FromRgba(rgba, 2, 1, 300);

        Assert.Equal("II*\0"u8.ToArray(), tiff[..4]);
        Assert.Equal((2u, 1u, 1u, 2u, 3u, 2u), (Tag(tiff, 256), Tag(tiff, 257), Tag(tiff, 259), Tag(tiff, 262), Tag(tiff, 277), Tag(tiff, 296)));
        var resolution = (int)Tag(tiff, 282);
        Assert.Equal((300u, 1u), (BinaryPrimitives.ReadUInt32LittleEndian(tiff.AsSpan(resolution)), BinaryPrimitives.ReadUInt32LittleEndian(tiff.AsSpan(resolution + 4))));
        var bits = (int)Tag(tiff, 258);
        Assert.Equal([8, 8, 8], Enumerable.Range(0, 3).Select(i => (int)BinaryPrimitives.ReadUInt16LittleEndian(tiff.AsSpan(bits + 2 * i))));
        Assert.Equal(6u, Tag(tiff, 279));
        Assert.Equal(new byte[] { 255, 0, 0, 204, 204, 255 }, tiff.AsSpan((int)Tag(tiff, 273), 6).ToArray());
    }

    [Fact]
    public void AFigureTiffHasThePngsPixelsAt300Dpi()
    {
        var figure = LeaderboardChart.Build([new ModelScore("fusion", 0.8, 0.05), new ModelScore("radiomics", 0.7, 0.04)]);

        var tiff = FigureFile.ToTiff(figure, 300, 200);
        using var png = SKBitmap.Decode(FigureFile.ToPng(figure, 300, 200));

        Assert.Equal(((uint)png.Width, (uint)png.Height), (Tag(tiff, 256), Tag(tiff, 257)));
        Assert.Equal((uint)FigureFile.Pixels(300), Tag(tiff, 256));
        var strip = (int)Tag(tiff, 273);
        var differing = 0;
        for (var y = 0; y < png.Height; y += 7)
        {
            for (var x = 0; x < png.Width; x += 7)
            {
                var c = png.GetPixel(x, y);
                byte[] expected = [.. new[] { c.Red, c.Green, c.Blue }.Select(v => (byte)((v * c.Alpha + 255 * (255 - c.Alpha) + 127) / 255))];
                var actual = tiff.AsSpan(strip + 3 * (y * png.Width + x), 3);
                differing += expected.Zip(actual.ToArray()).Any(p => Math.Abs(p.First - p.Second) > 1) ? 1 : 0;
            }
        }

        Assert.Equal(0, differing);
    }
}
