using System.Globalization;
using OlnmMl.Evaluation.Calibration;
using OlnmMl.Reporting.Figures;
using OlnmMl.Workflows.Reports;
using ScottPlot;

namespace OlnmMl.Workflows.Tests;

/// <summary>The calibration figure: deciles of predicted risk with Wilson CIs and counts, and a rug of predictions.</summary>
public sealed class StudyReportBuilderCalibrationFigureTests
{
    [Fact]
    public void EachPanelDrawsTheLibrarysDecileBinsWithTheirWilsonIntervalsCountsAndARugOfEveryPrediction()
    {
        var models = new[] { StudyReportFixtures.Separating("fusion", 0.9, 1), StudyReportFixtures.Separating("clinical", 0.3, 2) };

        var figure = StudyReportBuilder.Figures(models)["calibration"];

        var cohorts = models[0].Evaluated.ToArray();
        Assert.Equal(cohorts.Length, figure.GetPlots().Length);
        for (var p = 0; p < cohorts.Length; p++)
        {
            var plot = figure.GetPlot(p);
            var lines = plot.GetPlottables<ScottPlot.Plottables.LinePlot>().ToArray();
            var texts = plot.GetPlottables<ScottPlot.Plottables.Text>().Select(t => (t.Location, t.LabelText)).ToArray();
            var scatters = plot.GetPlottables<ScottPlot.Plottables.Scatter>().ToArray();
            foreach (var model in models)
            {
                var cohort = model.Cohorts.Single(c => c.Cohort == cohorts[p].Cohort);
                var curve = ReliabilityCurve.Compute([.. cohort.Probabilities], [.. cohort.Labels], 10, BinningStrategy.EqualCount);
                Assert.Equal(10, curve.Bins.Count);
                Assert.Equal(cohort.Labels.Count, curve.Bins.Sum(b => b.Observed.Trials));
                foreach (var bin in curve.Bins)
                {
                    // The Wilson interval as a vertical bar at the bin's mean prediction, its count written above it.
                    Assert.Contains(lines, l => l.Start == new Coordinates(bin.MeanPredicted, bin.Observed.CiLower) && l.End == new Coordinates(bin.MeanPredicted, bin.Observed.CiUpper));
                    Assert.Contains((new Coordinates(bin.MeanPredicted, bin.Observed.CiUpper), bin.Observed.Trials.ToString(CultureInfo.InvariantCulture)), texts);
                }

                var points = scatters.Single(s => s.LegendText == model.Model).Data.GetScatterPoints();
                Assert.Equal(curve.Bins.Select(b => new Coordinates(b.MeanPredicted, b.Observed.Estimate)), points);
                // The rug: one tick per prediction, below the axis.
                Assert.Contains(plot.GetPlottables<RugPlot>(), r => r.Xs.SequenceEqual(cohort.Probabilities) && r.Y < 0);
            }
        }
    }

    [Fact]
    public void TheCaptionNamesTheDecilesTheWilsonIntervalsTheCountsAndTheRug()
    {
        var directory = Path.Combine(Path.GetTempPath(), "olnm-calibration-caption-" + Guid.NewGuid().ToString("N"));
        try
        {
            StudyReportBuilder.Build("s", [StudyReportFixtures.Separating("fusion", 0.9, 1)], [], null, "leakage", new Dictionary<string, string>()).Write(directory);

            var caption = File.ReadAllLines(Path.Combine(directory, "report.md")).Single(l => l.EndsWith("(calibration.png)", StringComparison.Ordinal));
            foreach (var words in new[] { "deciles of predicted risk", "Wilson 95% CI", "number of cases above it", "mark every prediction" })
            {
                Assert.Contains(words, caption);
            }

            Assert.DoesNotContain("equal-width", caption);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
