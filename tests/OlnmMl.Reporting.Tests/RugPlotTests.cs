using OlnmMl.Reporting.Figures;
using ScottPlot;
using SkiaSharp;

namespace OlnmMl.Reporting.Tests;

/// <summary>The rug under a calibration panel: one vertical tick per value, at the value's pixel column, centred on its row.</summary>
public sealed class RugPlotTests
{
    [Fact]
    public void EachValueInksOneShortVerticalTickCentredOnTheRow()
    {
        // A frameless 201×101 plot over x ∈ [0, 1], y ∈ [−1, 1]: x maps to column 200·x, y = 0 to row 50.
        var plot = new Plot();
        plot.Layout.Frameless();
        var rug = new RugPlot([0.1, 0.5, 0.9], 0) { TickHeight = 10 };
        rug.LineStyle.Color = Colors.Black;
        plot.Add.Plottable(rug);
        plot.Axes.SetLimits(0, 1, -1, 1);

        using var image = SKBitmap.Decode(plot.GetImageBytes(201, 101, ImageFormat.Png));

        var inkedColumns = Enumerable.Range(0, image.Width).Where(x => Enumerable.Range(0, image.Height).Any(y => Dark(image.GetPixel(x, y)))).ToArray();
        Assert.Equal([20, 100, 180], inkedColumns.Where(x => Dark(image.GetPixel(x, 50))).ToArray());
        Assert.All(inkedColumns, x => Assert.Contains([20, 100, 180], c => Math.Abs(c - x) <= 1)); // anti-aliasing may touch a neighbour
        var rows = Enumerable.Range(0, image.Height).Where(y => Dark(image.GetPixel(100, y))).ToArray();
        Assert.InRange(rows.Min(), 44, 46); // 50 − 10/2
        Assert.InRange(rows.Max(), 54, 55); // 50 + 10/2
        Assert.Equal((0.1, 0.9, 0.0, 0.0), (rug.GetAxisLimits().Left, rug.GetAxisLimits().Right, rug.GetAxisLimits().Bottom, rug.GetAxisLimits().Top));
        Assert.Empty(rug.LegendItems);
    }

    private static bool Dark(SKColor c) => c.Alpha > 128 && c.Red + c.Green + c.Blue < 3 * 128;
}
