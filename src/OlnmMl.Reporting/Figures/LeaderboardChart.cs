using ScottPlot;

namespace OlnmMl.Reporting.Figures;

/// <summary>A model's average AUC over cohorts (aAUC) and its standard deviation.</summary>
public sealed record ModelScore(string Model, double MeanAuc, double StandardDeviation);

/// <summary>The leaderboard chart: one bar per model, aAUC with ±SD error bars, best first.</summary>
public static class LeaderboardChart
{
    /// <summary>Builds the chart.</summary>
    /// <param name="scores">One score per model, in any order (drawn best first).</param>
    /// <param name="palette">The report's colour per model; null colours the models in the order of <paramref name="scores"/>.</param>
    public static Multiplot Build(IReadOnlyList<ModelScore> scores, ModelPalette? palette = null)
    {
        palette ??= new ModelPalette(scores.Select(s => s.Model));
        var figure = FigureStyle.Panels(1);
        var plot = figure.GetPlot(0);
        var ordered = scores.OrderByDescending(s => s.MeanAuc).ToArray();
        var bars = new List<Bar>();
        var ticks = new List<Tick>();
        for (var i = 0; i < ordered.Length; i++)
        {
            var position = ordered.Length - 1 - i; // best at the top
            bars.Add(new Bar
            {
                Position = position,
                Value = ordered[i].MeanAuc,
                Error = ordered[i].StandardDeviation,
                FillColor = palette[ordered[i].Model],
                Orientation = Orientation.Horizontal,
            });
            ticks.Add(new Tick(position, ordered[i].Model));
        }

        plot.Add.Bars(bars);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        var chance = plot.Add.VerticalLine(0.5);
        chance.LinePattern = LinePattern.Dashed;
        chance.Color = Colors.Gray;
        FigureStyle.Decorate(plot, "Average AUC over cohorts (aAUC ± SD)", "aAUC", string.Empty);
        plot.Axes.SetLimits(0.4, 1.0, -0.6, ordered.Length - 0.4);
        return figure;
    }
}
