using OlnmMl.Evaluation.Reports;
using ScottPlot;

namespace OlnmMl.Reporting.Figures;

/// <summary>One model's ROC curve in one cohort, with its AUC and 95% CI.</summary>
public sealed record RocSeries(string Model, double[] FalsePositiveRate, double[] TruePositiveRate, double Auc, double CiLower, double CiUpper);

/// <summary>One cohort's panel: its name, size, positives and the overlaid models.</summary>
public sealed record RocPanel(string Cohort, int Cases, int Positives, IReadOnlyList<RocSeries> Models);

/// <summary>
/// ROC curves as the papers draw them: one panel per cohort, models overlaid, legend
/// "model, AUC 0.81 (0.75–0.86)", chance diagonal dashed.
/// </summary>
public static class RocFigure
{
    /// <summary>Builds the figure.</summary>
    /// <param name="panels">One panel per cohort.</param>
    /// <param name="palette">The report's colour per model; null colours the models in the order they first appear.</param>
    public static Multiplot Build(IReadOnlyList<RocPanel> panels, ModelPalette? palette = null)
    {
        palette ??= new ModelPalette(panels.SelectMany(p => p.Models.Select(m => m.Model)));
        var figure = FigureStyle.Panels(panels.Count);
        for (var p = 0; p < panels.Count; p++)
        {
            var panel = panels[p];
            var plot = figure.GetPlot(p);
            FigureStyle.Diagonal(plot);
            for (var m = 0; m < panel.Models.Count; m++)
            {
                var series = panel.Models[m];
                FigureStyle.Curve(plot, series.FalsePositiveRate, series.TruePositiveRate, palette[series.Model], Legend(series));
            }

            FigureStyle.Decorate(plot, $"{panel.Cohort} (n = {panel.Cases}, pN+ = {panel.Positives})", "1 − specificity", "Sensitivity");
            plot.Axes.SetLimits(-0.02, 1.02, -0.02, 1.02);
            FigureStyle.LegendBelow(plot);
        }

        return figure;
    }

    /// <summary>"model, AUC 0.812 (0.751–0.866)".</summary>
    public static string Legend(RocSeries series) =>
        $"{series.Model}, AUC {StatisticText.Interval(series.Auc, series.CiLower, series.CiUpper)}";
}
