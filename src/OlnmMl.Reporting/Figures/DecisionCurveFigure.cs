using ScottPlot;

namespace OlnmMl.Reporting.Figures;

/// <summary>Net benefit of one model across threshold probabilities.</summary>
public sealed record DecisionCurveSeries(string Model, double[] Thresholds, double[] NetBenefit);

/// <summary>
/// One cohort's decision-curve panel. Treat-all is drawn from the prevalence π as
/// NB(t) = π − (1 − π)·t/(1 − t); treat-none is NB = 0.
/// </summary>
public sealed record DecisionCurvePanel(string Cohort, double Prevalence, IReadOnlyList<DecisionCurveSeries> Models);

/// <summary>
/// Decision-curve analysis: net benefit against threshold probability, with treat-all and treat-none drawn over the
/// models' curves; the legend under the panel.
/// </summary>
public static class DecisionCurveFigure
{
    /// <summary>Builds the figure.</summary>
    /// <param name="panels">One panel per cohort.</param>
    /// <param name="palette">The report's colour per model; null colours the models in the order they first appear.</param>
    public static Multiplot Build(IReadOnlyList<DecisionCurvePanel> panels, ModelPalette? palette = null)
    {
        palette ??= new ModelPalette(panels.SelectMany(p => p.Models.Select(m => m.Model)));
        var figure = FigureStyle.Panels(panels.Count);
        for (var p = 0; p < panels.Count; p++)
        {
            var panel = panels[p];
            var plot = figure.GetPlot(p);
            var thresholds = panel.Models.Count > 0 ? panel.Models[0].Thresholds : Enumerable.Range(1, 99).Select(i => i / 100.0).ToArray();
            var top = panel.Prevalence;
            for (var m = 0; m < panel.Models.Count; m++)
            {
                var series = panel.Models[m];
                FigureStyle.Curve(plot, series.Thresholds, series.NetBenefit, palette[series.Model], series.Model);
                top = Math.Max(top, series.NetBenefit.DefaultIfEmpty(0).Max());
            }

            // The references after the models: drawn on top, a near-constant model cannot hide them.
            var treatAll = thresholds.Select(t => panel.Prevalence - (1 - panel.Prevalence) * t / (1 - t)).ToArray();
            var all = plot.Add.Scatter(thresholds, treatAll);
            all.Color = Colors.Gray;
            all.LinePattern = LinePattern.Dashed;
            all.LineWidth = 1.5f;
            all.MarkerSize = 0;
            all.LegendText = "treat all";
            var none = plot.Add.HorizontalLine(0);
            none.Color = Colors.Black;
            none.LineWidth = 1;
            none.LegendText = "treat none";
            FigureStyle.Decorate(plot, panel.Cohort, "Threshold probability", "Net benefit");
            plot.Axes.SetLimits(0, thresholds.Max(), -0.05, top + 0.05);
            FigureStyle.LegendBelow(plot);
        }

        return figure;
    }
}
