using OlnmMl.Reporting.Figures;
using ScottPlot;
using SkiaSharp;

namespace OlnmMl.Reporting.Tests;

/// <summary>PNGs at 300 dpi: the same layout as the CSS-pixel figure, rendered larger, with the resolution declared.</summary>
public sealed class FigureFileTests
{
    private static Multiplot Roc() => RocFigure.Build(
    [
        new RocPanel("validation", 200, 60, [new RocSeries("radiomics", [0, 0.1, 0.3, 1], [0, 0.4, 0.7, 1], 0.71, 0.64, 0.78), new RocSeries("fusion", [0, 0.05, 0.2, 1], [0, 0.5, 0.8, 1], 0.80, 0.74, 0.86)]),
        new RocPanel("test 1", 100, 30, [new RocSeries("radiomics", [0, 0.2, 0.5, 1], [0, 0.3, 0.6, 1], 0.64, 0.55, 0.73), new RocSeries("fusion", [0, 0.1, 0.3, 1], [0, 0.45, 0.75, 1], 0.76, 0.68, 0.84)]),
    ]);

    /// <summary>Fraction of the image's pixels that are ink (opaque and darker than light grey).</summary>
    private static double Ink(SKBitmap bitmap) =>
        (double)Enumerable.Range(0, bitmap.Height).Sum(y => Enumerable.Range(0, bitmap.Width).Count(x =>
        {
            var c = bitmap.GetPixel(x, y);
            return c.Alpha > 128 && c.Red + c.Green + c.Blue < 3 * 200;
        })) / (bitmap.Width * bitmap.Height);

    [Fact]
    public void ThePngIsTheCssLayoutRenderedAt300DpiAndSaysSo()
    {
        var figure = Roc();

        var png = FigureFile.ToPng(figure, 920, 460);

        Assert.Equal(300, PngResolution.Dpi(png));
        using var hires = SKBitmap.Decode(png);
        Assert.Equal((2875, 1438), (hires.Width, hires.Height)); // 920 and 460 CSS pixels × 300/96

        // Scaled, not enlarged canvas: shrunk back to CSS size, it inks about as much as the 96-dpi rendering (text and lines
        // scaled with it); an unscaled rendering on the large canvas would shrink to thin lines and small text.
        using var screen = SKBitmap.Decode(figure.Render(920, 460).GetImageBytes(ImageFormat.Png));
        using var shrunk = hires.Resize(new SKImageInfo(920, 460), new SKSamplingOptions(SKCubicResampler.Mitchell));
        var ratio = Ink(shrunk) / Ink(screen);
        Assert.InRange(ratio, 0.75, 1.33);
    }

    [Fact]
    public void StampDeclaresTheResolutionInAValidChunk()
    {
        var plain = Roc().Render(200, 100).GetImageBytes(ImageFormat.Png);
        Assert.Null(PngResolution.Dpi(plain));

        var stamped = PngResolution.Stamp(plain, 600);

        Assert.Equal(600, PngResolution.Dpi(stamped));
        Assert.Equal(plain.Length + 21, stamped.Length);
        // pHYs: 23622 pixels per metre (600 / 0.0254), unit metre, and the CRC-32 of "pHYs" + data (zlib's value).
        Assert.Equal(Convert.FromHexString("00000009" + "70485973" + "00005C46" + "00005C46" + "01" + "14944341"), stamped.AsSpan(33, 21).ToArray());
        using var decoded = SKBitmap.Decode(stamped);
        Assert.Equal(200, decoded.Width);
        Assert.Throws<ArgumentException>(() => PngResolution.Stamp(stamped, 300));
    }
}
