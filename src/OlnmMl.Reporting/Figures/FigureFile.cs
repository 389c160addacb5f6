using ScottPlot;
using SkiaSharp;

namespace OlnmMl.Reporting.Figures;

/// <summary>Writes figures as PNG or SVG, chosen by the file extension, through <see cref="DurableFile"/>.</summary>
public static class FigureFile
{
    /// <summary>Writes <paramref name="figure"/> to <paramref name="path"/> (.png or .svg) at <paramref name="width"/>×<paramref name="height"/> pixels.</summary>
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
        else
        {
            throw new ArgumentException($"{path}: figures are written as .png or .svg.", nameof(path));
        }
    }

    /// <summary>The figure as PNG bytes.</summary>
    public static byte[] ToPng(Multiplot figure, int width, int height) =>
        figure.Render(width, height).GetImageBytes(ImageFormat.Png);

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
