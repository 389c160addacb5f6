using System.Globalization;
using OlnmMl.Evaluation.Calibration;
using ScottPlot;

namespace OlnmMl.Reporting.Figures;

/// <summary>One model's calibration in one cohort: its reliability bins, every prediction (drawn as a rug), and optionally the smoothed curve.</summary>
/// <param name="Model">Model name.</param>
/// <param name="Bins">Non-empty bins (<see cref="ReliabilityCurve"/>), each with its Wilson CI and count.</param>
/// <param name="Predictions">Every predicted probability of the cohort.</param>
/// <param name="Smoothed">The restricted-cubic-spline curve (<see cref="SmoothedCalibration"/>), drawn as a line instead of joining the bins; null joins the bins.</param>
public sealed record CalibrationSeries(string Model, IReadOnlyList<ReliabilityBin> Bins, double[] Predictions, SmoothedCalibration? Smoothed = null);

/// <summary>One cohort's calibration panel.</summary>
public sealed record CalibrationPanel(string Cohort, IReadOnlyList<CalibrationSeries> Models);

/// <summary>
/// Calibration plots: per bin, the observed fraction of positives (marker) against the mean predicted probability, its
/// Wilson CI as a vertical bar with the bin's case count above it, the ideal diagonal dashed, and under the axis one rug
/// row per model with a tick at every prediction; the bins joined by a thin line, or, where the series has one, its smoothed
/// curve drawn as a solid line in the model's colour (a curve that could not be fitted is left out).
/// </summary>
public static class CalibrationFigure
{
    /// <summary>Height of one model's rug row, in probability units below 0.</summary>
    public const double RugRow = 0.05;

    /// <summary>Builds the figure.</summary>
    /// <param name="panels">One panel per cohort.</param>
    /// <param name="palette">The report's colour per model; null colours the models in the order they first appear.</param>
    public static Multiplot Build(IReadOnlyList<CalibrationPanel> panels, ModelPalette? palette = null)
    {
        palette ??= new ModelPalette(panels.SelectMany(p => p.Models.Select(m => m.Model)));
        var figure = FigureStyle.Panels(panels.Count);
        for (var p = 0; p < panels.Count; p++)
        {
            var plot = figure.GetPlot(p);
            FigureStyle.Diagonal(plot, "ideal");
            var models = panels[p].Models;
            for (var m = 0; m < models.Count; m++)
            {
                Series(plot, models[m], palette[models[m].Model], RugBase(m));
            }

            FigureStyle.Decorate(plot, panels[p].Cohort, "Predicted probability", "Observed fraction (95% CI)");
            plot.Axes.SetLimits(-0.02, 1.02, RugBase(models.Count - 1) - 0.01, 1.02);
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                [.. Enumerable.Range(0, 6).Select(i => new Tick(i / 5.0, (i / 5.0).ToString("0.0", CultureInfo.InvariantCulture)))]);
            FigureStyle.LegendBelow(plot);
        }

        return figure;
    }

    /// <summary>Bottom of the rug row of the <paramref name="index"/>-th model (rows stacked downwards from 0).</summary>
    public static double RugBase(int index) => -RugRow * (index + 1);

    private static void Series(Plot plot, CalibrationSeries series, Color colour, double rugBase)
    {
        foreach (var bin in series.Bins)
        {
            var interval = plot.Add.Line(bin.MeanPredicted, bin.Observed.CiLower, bin.MeanPredicted, bin.Observed.CiUpper);
            interval.LineColor = colour;
            interval.LineWidth = 1.5f;
            var count = plot.Add.Text(bin.Observed.Trials.ToString(CultureInfo.InvariantCulture), bin.MeanPredicted, bin.Observed.CiUpper);
            count.LabelFontSize = 9;
            count.LabelFontColor = colour;
            count.LabelAlignment = Alignment.LowerCenter;
        }

        var points = plot.Add.Scatter(series.Bins.Select(b => b.MeanPredicted).ToArray(), series.Bins.Select(b => b.Observed.Estimate).ToArray());
        points.Color = colour;
        points.LineWidth = series.Smoothed is null ? 1 : 0;
        points.MarkerSize = 7;
        points.LegendText = series.Model;
        if (series.Smoothed is { UndefinedReason: null } smoothed)
        {
            var curve = plot.Add.ScatterLine(smoothed.Predicted, smoothed.Observed);
            curve.Color = colour;
            curve.LineWidth = 2;
        }

        var rug = new RugPlot(series.Predictions, rugBase + RugRow / 2);
        rug.LineStyle.Color = colour.WithAlpha(0.6);
        plot.Add.Plottable(rug);
    }
}
