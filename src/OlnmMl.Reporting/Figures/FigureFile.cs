using ScottPlot;
using SkiaSharp;

namespace OlnmMl.Reporting.Figures;

/// <summary>
/// Writes figures as PNG, TIFF or SVG, chosen by the file extension, through <see cref="DurableFile"/>. A figure's size is given
/// in CSS pixels (96 per inch): the SVG has that size, the PNG and the TIFF are the same layout rendered at <see cref="Dpi"/>.
/// </summary>
public static class FigureFile
{
    /// <summary>Resolution of every PNG, the journals' minimum for figures with text.</summary>
    public const int Dpi = 300;

    /// <summary>CSS pixels per inch: the resolution a figure's width and height are given in.</summary>
    public const int CssDpi = 96;

    /// <summary>Writes <paramref name="figure"/> to <paramref name="path"/> (.png, .tif/.tiff or .svg) at <paramref name="width"/>×<paramref name="height"/> CSS pixels.</summary>
    public static void Save(Multiplot figure, string path, int width, int height)
    {
        if (path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
        {
            DurableFile.WriteAllText(path, ToSvg(figure, width, height));
        }
        else if (path.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
        {
            DurableFile.WriteAllBytes(path, ToPng(figure, width, height));
        }
        else if (path.EndsWith(".tif", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".tiff", StringComparison.OrdinalIgnoreCase))
        {
            DurableFile.WriteAllBytes(path, ToTiff(figure, width, height));
        }
        else
        {
            throw new ArgumentException($"{path}: figures are written as .png, .tif or .svg.", nameof(path));
        }
    }

    /// <summary>
    /// The figure as a <see cref="Dpi"/> PNG: laid out at <paramref name="width"/>×<paramref name="height"/> CSS pixels and drawn
    /// on a canvas scaled by <see cref="Dpi"/>/<see cref="CssDpi"/> (<see cref="Pixels"/> wide and high: the same picture, text
    /// and lines included, at the higher resolution), with that resolution declared (<see cref="PngResolution"/>).
    /// </summary>
    public static byte[] ToPng(Multiplot figure, int width, int height)
    {
        using var image = Render(figure, width, height);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return PngResolution.Stamp(png.ToArray(), Dpi);
    }

    /// <summary>The figure as a <see cref="Dpi"/> baseline RGB TIFF (<see cref="TiffFile"/>), the same pixels as <see cref="ToPng"/> over white.</summary>
    public static byte[] ToTiff(Multiplot figure, int width, int height)
    {
        using var image = Render(figure, width, height);
        var info = new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var rgba = new byte[info.BytesSize];
        var handle = System.Runtime.InteropServices.GCHandle.Alloc(rgba, System.Runtime.InteropServices.GCHandleType.Pinned);
        try
        {
            image.ReadPixels(info, handle.AddrOfPinnedObject(), info.RowBytes, 0, 0);
        }
        finally
        {
            handle.Free();
        }

        return TiffFile.FromRgba(rgba, image.Width, image.Height, Dpi);
    }

    /// <summary>The layout of <paramref name="width"/>×<paramref name="height"/> CSS pixels drawn on a canvas scaled by <see cref="Dpi"/>/<see cref="CssDpi"/>.</summary>
    private static SKImage Render(Multiplot figure, int width, int height)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Pixels(width), Pixels(height)));
        surface.Canvas.Scale((float)Dpi / CssDpi);
        figure.Render(surface.Canvas, new PixelRect(0, width, height, 0));
        return surface.Snapshot();
    }

    /// <summary>The PNG's pixels for <paramref name="cssPixels"/> CSS pixels: ⌊cssPixels · <see cref="Dpi"/>/<see cref="CssDpi"/> + ½⌋.</summary>
    public static int Pixels(int cssPixels) => (int)Math.Round((double)cssPixels * Dpi / CssDpi);

    /// <summary>The figure as an SVG document.</summary>
    public static string ToSvg(Multiplot figure, int width, int height)
    {
        using var stream = new MemoryStream();
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), stream))
        {
            figure.Render(canvas, new PixelRect(0, width, height, 0));
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
