using OlnmMl.Workflows.Reports;
using ScottPlot;

namespace OlnmMl.Workflows.Tests;

/// <summary>One colour per model across every figure of the study report.</summary>
public sealed class StudyReportBuilderColourTests
{
    /// <summary>The colours each model is drawn in, read from the rendered figure's plottables (legend text or axis tick).</summary>
    private static Dictionary<string, HashSet<Color>> Drawn(Multiplot figure, IReadOnlyCollection<string> models)
    {
        OlnmMl.Reporting.Figures.FigureFile.ToPng(figure, 1380, 460); // the tick labels exist once the figure is rendered
        var drawn = new Dictionary<string, HashSet<Color>>();
        void Add(string label, Color colour)
        {
            // ROC legends read "model, AUC …"; treat-all and the diagonals name no model.
            var model = models.FirstOrDefault(m => label == m || label.StartsWith(m + ", AUC", StringComparison.Ordinal));
            if (model is not null)
            {
                (drawn.TryGetValue(model, out var set) ? set : drawn[model] = []).Add(colour);
            }
        }

        foreach (var plot in figure.GetPlots())
        {
            foreach (var scatter in plot.GetPlottables<ScottPlot.Plottables.Scatter>())
            {
                Add(scatter.LegendText, scatter.Color);
            }

            var ticks = plot.Axes.Left.TickGenerator.Ticks;
            foreach (var bar in plot.GetPlottables<ScottPlot.Plottables.BarPlot>().SelectMany(b => b.Bars))
            {
                Add(ticks.Single(t => t.Position == bar.Position).Label, bar.FillColor);
            }
        }

        return drawn;
    }

    [Fact]
    public void EveryFigureDrawsEachModelInItsPaletteColour_EvenWhereItSortsTheModels()
    {
        // The leaderboard sorts by aAUC (strong, mid, weak): an index-per-figure colouring would differ from the ROC's.
        string[] names = ["weak", "strong", "mid"];
        var models = names.Select((name, i) => StudyReportFixtures.Separating(name, name switch { "weak" => 0.2, "mid" => 0.6, _ => 1.2 }, i)).ToArray();

        var palette = StudyReportBuilder.Palette(models);
        var figures = StudyReportBuilder.Figures(models);

        Assert.Equal(names, palette.Colours.Keys);
        Assert.Equal(names.Length, palette.Colours.Values.Distinct().Count());
        Assert.Equal(["calibration", "decision-curves", "leaderboard", "roc"], figures.Keys.Order());
        foreach (var (name, figure) in figures)
        {
            var drawn = Drawn(figure, names);
            Assert.True(names.Order().SequenceEqual(drawn.Keys.Order()), $"{name} draws {string.Join(", ", drawn.Keys)}");
            foreach (var model in names)
            {
                Assert.Equal([palette[model]], drawn[model]);
            }
        }
    }
}
