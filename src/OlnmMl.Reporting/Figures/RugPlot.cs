using ScottPlot;

namespace OlnmMl.Reporting.Figures;

/// <summary>
/// A rug: one vertical tick of <see cref="TickHeight"/> pixels centred on <see cref="Y"/> at every value of <see cref="Xs"/>,
/// all drawn as one path that is disposed when drawn.
/// </summary>
/// <remarks>
/// ScottPlot's marker shapes draw through native paths they never dispose and do not keep alive, so a garbage collection
/// started by another thread during the draw can free a path Skia is still reading (a SIGSEGV in
/// <c>sk_canvas_draw_path</c> seen when reports were rendered beside a training); this plottable never hands Skia an object
/// the collector may take.
/// </remarks>
public sealed class RugPlot(double[] xs, double y) : IPlottable
{
    /// <summary>The values, one tick each.</summary>
    public double[] Xs { get; } = xs;

    /// <summary>The vertical coordinate the ticks are centred on.</summary>
    public double Y { get; } = y;

    /// <summary>Height of a tick in pixels.</summary>
    public float TickHeight { get; set; } = 8;

    /// <summary>Colour and width of the ticks.</summary>
    public LineStyle LineStyle { get; } = new() { Width = 1 };

    /// <inheritdoc/>
    public bool IsVisible { get; set; } = true;

    /// <inheritdoc/>
    public IAxes Axes { get; set; } = new Axes();

    /// <summary>A rug has no legend entry.</summary>
    public IEnumerable<LegendItem> LegendItems => [];

    /// <summary>The values' range horizontally, <see cref="Y"/> vertically (no range when there are no values).</summary>
    public AxisLimits GetAxisLimits() =>
        Xs.Length == 0 ? AxisLimits.NoLimits : new AxisLimits(Xs.Min(), Xs.Max(), Y, Y);

    /// <inheritdoc/>
    public void Render(RenderPack rp)
    {
        var centre = Axes.GetPixelY(Y);
        var tops = new Pixel[Xs.Length];
        var bottoms = new Pixel[Xs.Length];
        for (var i = 0; i < Xs.Length; i++)
        {
            var x = Axes.GetPixelX(Xs[i]);
            tops[i] = new Pixel(x, centre - TickHeight / 2);
            bottoms[i] = new Pixel(x, centre + TickHeight / 2);
        }

        LineStyle.Render(rp.Canvas, tops, bottoms, rp.Paint);
    }
}
