using OlnmMl.Reporting.Figures;
using OlnmMl.Workflows.Reports;
using ScottPlot;

namespace OlnmMl.Workflows.Tests;

/// <summary>Legends outside the data area of every figure, and the decision curves' reference lines on top.</summary>
public sealed class StudyReportBuilderLegendTests
{
    /// <summary>A strong, a weak and a near-constant model (the one that hid treat-all).</summary>
    private static readonly ModelPredictions[] Models =
    [
        StudyReportFixtures.Separating("fusion concat", 1.2, 1),
        StudyReportFixtures.Separating("radiomics", 0.3, 2),
        StudyReportFixtures.Model("near-constant", (random, _) => 0.33 + random.NextDouble() * 1e-3, 3),
    ];

    /// <summary>Every point a plottable of <paramref name="plot"/> draws, in its data coordinates.</summary>
    private static IEnumerable<Coordinates> Points(Plot plot) =>
        plot.GetPlottables<ScottPlot.Plottables.Scatter>().SelectMany(s => s.Data.GetScatterPoints())
            .Concat(plot.GetPlottables<ScottPlot.Plottables.LinePlot>().SelectMany(l => new[] { l.Start, l.End }))
            .Concat(plot.GetPlottables<ScottPlot.Plottables.Text>().Select(t => t.Location));

    private static bool Inside(PixelRect rect, Pixel pixel) =>
        pixel.X >= rect.Left && pixel.X <= rect.Right && pixel.Y >= rect.Top && pixel.Y <= rect.Bottom;

    [Theory]
    [InlineData("roc")]
    [InlineData("calibration")]
    [InlineData("decision-curves")]
    public void NoLegendBoxCoversAPlottedPoint(string name)
    {
        var figure = StudyReportBuilder.Figures(Models)[name];
        FigureFile.ToPng(figure, 460 * figure.GetPlots().Length, 460); // lays the panels out

        foreach (var plot in figure.GetPlots())
        {
            Assert.False(plot.Legend.IsVisible, $"{name}: a legend inside the data area");
            var panel = Assert.Single(plot.Axes.GetPanels().OfType<ScottPlot.Panels.LegendPanel>());
            var layout = plot.RenderManager.LastRender.Layout;
            using var paint = Paint.NewDisposablePaint();
            var legend = panel.GetPanelRect(layout.DataRect, layout.PanelSizes[panel], layout.PanelOffsets[panel], paint);
            Assert.True(legend.Height > 0 && legend.Width > 0, $"{name}: an empty legend panel");
            var drawn = Points(plot).Select(plot.GetPixel).Where(p => Inside(layout.DataRect, p)).ToArray();
            Assert.NotEmpty(drawn);
            Assert.DoesNotContain(drawn, p => Inside(legend, p));
        }
    }

    [Fact]
    public void DecisionCurvesDrawTreatAllAndTreatNoneOverEveryModel()
    {
        var figure = StudyReportBuilder.Figures(Models)["decision-curves"];

        foreach (var plot in figure.GetPlots())
        {
            var order = plot.GetPlottables().ToList();
            var models = order.OfType<ScottPlot.Plottables.Scatter>().Where(s => Models.Any(m => m.Model == s.LegendText)).Select(s => order.IndexOf(s)).ToArray();
            var treatAll = order.FindIndex(p => p is ScottPlot.Plottables.Scatter { LegendText: "treat all" });
            var treatNone = order.FindIndex(p => p is ScottPlot.Plottables.HorizontalLine { LegendText: "treat none" });
            Assert.Equal(Models.Length, models.Length);
            Assert.True(treatAll > models.Max() && treatNone > models.Max(), $"drawing order: models at {string.Join(", ", models)}, treat all at {treatAll}, treat none at {treatNone}");
        }
    }
}
