using ScottPlot;

namespace OlnmMl.Reporting.Figures;

/// <summary>Shared look of every figure: palette, fonts, reference lines.</summary>
internal static class FigureStyle
{
    private static readonly Color[] Palette =
    [
        Color.FromHex("#1f77b4"), Color.FromHex("#d62728"), Color.FromHex("#2ca02c"), Color.FromHex("#ff7f0e"),
        Color.FromHex("#9467bd"), Color.FromHex("#8c564b"), Color.FromHex("#e377c2"), Color.FromHex("#17becf"),
    ];

    /// <summary>Colour of the <paramref name="index"/>-th model (cycled).</summary>
    public static Color Series(int index) => Palette[index % Palette.Length];

    /// <summary>A multi-panel figure with one plot per panel, laid out in columns.</summary>
    public static Multiplot Panels(int count)
    {
        if (count < 1)
        {
            throw new ArgumentException("A figure needs at least one panel.", nameof(count));
        }

        var figure = new Multiplot();
        figure.AddPlots(count);
        figure.Layout = new ScottPlot.MultiplotLayouts.Columns();
        return figure;
    }

    /// <summary>Titles, labels and font sizes common to all panels.</summary>
    public static void Decorate(Plot plot, string title, string xLabel, string yLabel)
    {
        plot.Title(title, size: 15);
        plot.XLabel(xLabel, size: 13);
        plot.YLabel(yLabel, size: 13);
        plot.Legend.FontSize = 11;
    }

    /// <summary>
    /// Shows the legend in a panel under the x-axis label, outside the data area, so that no legend box covers a
    /// plotted point whatever the curves do; items are listed one per line in the order they were added.
    /// </summary>
    public static void LegendBelow(Plot plot) => plot.ShowLegend(Edge.Bottom);

    /// <summary>The dashed y = x chance / ideal line on [0, 1].</summary>
    public static void Diagonal(Plot plot, string? label = null)
    {
        var line = plot.Add.Line(0, 0, 1, 1);
        line.LinePattern = LinePattern.Dashed;
        line.LineColor = Colors.Gray;
        line.LineWidth = 1;
        if (label is not null)
        {
            line.LegendText = label;
        }
    }

    /// <summary>A solid line series without markers.</summary>
    public static void Curve(Plot plot, double[] x, double[] y, Color colour, string label)
    {
        var scatter = plot.Add.Scatter(x, y);
        scatter.Color = colour;
        scatter.LineWidth = 2;
        scatter.MarkerSize = 0;
        scatter.LegendText = label;
    }
}
