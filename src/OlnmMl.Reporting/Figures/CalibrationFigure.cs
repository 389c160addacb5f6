using ScottPlot;

namespace OlnmMl.Reporting.Figures;

/// <summary>A binned reliability curve: mean predicted probability and observed fraction per bin.</summary>
public sealed record CalibrationSeries(string Model, double[] MeanPredicted, double[] ObservedFraction);

/// <summary>One cohort's calibration panel.</summary>
public sealed record CalibrationPanel(string Cohort, IReadOnlyList<CalibrationSeries> Models);

/// <summary>Calibration plots: observed fraction of pN+ against mean predicted probability per bin, ideal diagonal dashed.</summary>
public static class CalibrationFigure
{
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
            for (var m = 0; m < panels[p].Models.Count; m++)
            {
                var series = panels[p].Models[m];
                var scatter = plot.Add.Scatter(series.MeanPredicted, series.ObservedFraction);
                scatter.Color = palette[series.Model];
                scatter.LineWidth = 2;
                scatter.MarkerSize = 6;
                scatter.LegendText = series.Model;
            }

            FigureStyle.Decorate(plot, panels[p].Cohort, "Predicted probability", "Observed fraction pN+");
            plot.Axes.SetLimits(-0.02, 1.02, -0.02, 1.02);
            plot.Legend.Alignment = Alignment.UpperLeft;
        }

        return figure;
    }
}
