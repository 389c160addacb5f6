using OlnmMl.Evaluation.Reports;
using ScottPlot;

namespace OlnmMl.Reporting.Figures;

/// <summary>One group's Kaplan–Meier step function: Ŝ(t) after each distinct time (Ŝ = 1 before the first).</summary>
/// <param name="Group">Group label (e.g. "high risk").</param>
/// <param name="Times">Distinct times, ascending.</param>
/// <param name="Survival">Ŝ at each time.</param>
/// <param name="Cases">Cases in the group (shown in the legend).</param>
public sealed record KaplanMeierSeries(string Group, double[] Times, double[] Survival, int Cases);

/// <summary>One cohort's panel of Kaplan–Meier curves with the log-rank p in its title.</summary>
public sealed record KaplanMeierPanel(string Cohort, double LogRankP, IReadOnlyList<KaplanMeierSeries> Groups);

/// <summary>Kaplan–Meier curves by group (right-continuous steps), one panel per cohort; group g has colour g in every panel.</summary>
public static class KaplanMeierFigure
{
    /// <summary>Builds the figure; <paramref name="timeLabel"/> names the time axis (e.g. "Months").</summary>
    public static Multiplot Build(IReadOnlyList<KaplanMeierPanel> panels, string timeLabel)
    {
        var figure = FigureStyle.Panels(panels.Count);
        for (var p = 0; p < panels.Count; p++)
        {
            var panel = panels[p];
            var plot = figure.GetPlot(p);
            var end = 0.0;
            for (var g = 0; g < panel.Groups.Count; g++)
            {
                var group = panel.Groups[g];
                if (group.Cases == 0)
                {
                    continue; // a group keeps its colour index in every panel, drawn or not
                }

                // A step function drawn as a polyline: (t_i, S_{i-1}) then (t_i, S_i).
                var x = new List<double> { 0 };
                var y = new List<double> { 1 };
                for (var i = 0; i < group.Times.Length; i++)
                {
                    x.Add(group.Times[i]);
                    y.Add(y[^1]);
                    x.Add(group.Times[i]);
                    y.Add(group.Survival[i]);
                }

                FigureStyle.Curve(plot, [.. x], [.. y], FigureStyle.Series(g), $"{group.Group} (n = {group.Cases})");
                end = Math.Max(end, x[^1]);
            }

            var title = double.IsNaN(panel.LogRankP) ? panel.Cohort : $"{panel.Cohort}: log-rank p = {StatisticText.P(panel.LogRankP)}";
            FigureStyle.Decorate(plot, title, timeLabel, "Recurrence-free probability");
            plot.Axes.SetLimits(0, Math.Max(end, 1), 0, 1.05);
            FigureStyle.LegendBelow(plot);
        }

        return figure;
    }
}
