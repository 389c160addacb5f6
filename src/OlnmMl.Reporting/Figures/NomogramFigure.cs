using System.Globalization;
using OlnmMl.Evaluation.Clinical;
using ScottPlot;

namespace OlnmMl.Reporting.Figures;

/// <summary>
/// A nomogram drawn as the papers print it: the Points axis (0–100) on top, one axis per predictor beneath it placed
/// on the points scale (<see cref="Nomogram.Points"/>) with its value ticks, then Total Points (0 … T_max, drawn over
/// the same width) and the Risk axis at x = T(p) (<see cref="Nomogram.TotalPointsAt"/>).
/// </summary>
public static class NomogramFigure
{
    private const double TickLength = 0.18;
    private const double LabelX = -4;

    /// <summary>Builds the figure; a reader sums the points of each predictor, finds the total and reads the risk below it.</summary>
    /// <param name="nomogram">The scale of the fitted model.</param>
    /// <param name="riskLabel">Name of the bottom axis, e.g. "Risk of pN+".</param>
    public static Multiplot Build(Nomogram nomogram, string riskLabel = "Risk")
    {
        var figure = FigureStyle.Panels(1);
        var plot = figure.GetPlot(0);
        var row = 0.0;
        Axis(plot, "Points", row, (0, 100), Nomogram.PointsTicks.Select(p => (p, Label(p))));
        for (int j = 0; j < nomogram.Predictors.Count; j++)
        {
            row -= 1;
            var predictor = j;
            var span = (nomogram.Points(j, nomogram.Predictors[j].Minimum), nomogram.Points(j, nomogram.Predictors[j].Maximum));
            Axis(plot, nomogram.Predictors[j].Name, row, span, nomogram.PredictorTicks(j).Select(v => (nomogram.Points(predictor, v), Label(v))));
        }

        var scale = 100 / nomogram.MaxTotalPoints;
        row -= 1;
        Axis(plot, "Total Points", row, (0, 100), nomogram.TotalPointsTicks.Select(t => (t * scale, Label(t))));
        row -= 1;
        var risks = nomogram.RiskTicks.Select(p => nomogram.TotalPointsAt(p) * scale).DefaultIfEmpty(0).ToArray();
        Axis(plot, riskLabel, row, (risks.Min(), risks.Max()), nomogram.RiskTicks.Select(p => (nomogram.TotalPointsAt(p) * scale, Label(p))));
        plot.Axes.Frameless();
        plot.HideGrid();
        plot.Axes.SetLimits(LabelX - 22, 106, row - 0.8, 0.6);
        return figure;
    }

    /// <summary>A horizontal axis at height <paramref name="y"/>: a line over <paramref name="span"/> (either order), tick marks with their values above, the name on the left.</summary>
    private static void Axis(Plot plot, string name, double y, (double From, double To) span, IEnumerable<(double X, string Label)> ticks)
    {
        var line = plot.Add.Line(span.From, y, span.To, y);
        line.LineColor = Colors.Black;
        line.LineWidth = 1.5f;
        foreach (var (x, label) in ticks)
        {
            var tick = plot.Add.Line(x, y, x, y + TickLength);
            tick.LineColor = Colors.Black;
            tick.LineWidth = 1;
            var text = plot.Add.Text(label, x, y + TickLength);
            text.LabelFontSize = 11;
            text.LabelAlignment = Alignment.LowerCenter;
        }

        var title = plot.Add.Text(name, LabelX, y);
        title.LabelFontSize = 13;
        title.LabelBold = true;
        title.LabelAlignment = Alignment.MiddleRight;
    }

    private static string Label(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
