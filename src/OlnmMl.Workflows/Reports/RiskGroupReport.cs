using System.Globalization;
using OlnmMl.Cohorts.Manifest;
using OlnmMl.Evaluation.Survival;
using OlnmMl.Evaluation.Thresholds;
using OlnmMl.Reporting.Figures;
using OlnmMl.Reporting.Html;
using OlnmMl.Reporting.Tables;
using static OlnmMl.Workflows.Reports.ReportFormat;

namespace OlnmMl.Workflows.Reports;

/// <summary>
/// Risk groups across targets, as the PET/CT study defines them: a case is <c>high risk</c> when any target's selected
/// model scores it at or above that model's Youden cut-off fitted on the training cohort (e.g. N1 score ≥ its cut-off or
/// N2 score ≥ its cut-off), <c>low risk</c> otherwise. Per cohort: Kaplan–Meier curves of recurrence by group, the
/// log-rank test, and the Cox hazard ratio of high versus low risk (Efron ties). Every cut-off saw the training cohort
/// only.
/// </summary>
public static class RiskGroupReport
{
    private const int PanelSize = 460;

    /// <summary>
    /// The report of <paramref name="selected"/> (each target's selected model), or null when fewer than two targets are
    /// given or a case lacks follow-up (time, event).
    /// </summary>
    public static HtmlReport? Build(string title, IReadOnlyList<(string Target, ModelPredictions Model)> selected, IReadOnlyDictionary<string, Case> cases)
    {
        if (selected.Count < 2 || cases.Values.Any(c => c.FollowUp is null))
        {
            return null;
        }

        var cutoffs = selected.Select(s => YoudenCutoff.Fit([.. s.Model.Training.Probabilities], [.. s.Model.Training.Labels]).Threshold).ToArray();
        var rows = new List<IReadOnlyList<string>>();
        var panels = new List<KaplanMeierPanel>();
        foreach (var cohort in selected[0].Model.Cohorts)
        {
            var high = cohort.CaseIds.Select(id => selected.Select((s, t) => Probability(s.Model, cohort.Cohort, id) >= cutoffs[t]).Any(x => x)).ToArray();
            var followUp = cohort.CaseIds.Select(id => cases[id].FollowUp!).ToArray();
            double[] time = [.. followUp.Select(f => f.Time)];
            bool[] events = [.. followUp.Select(f => f.Event)];
            int[] groups = [.. high.Select(h => h ? 1 : 0)];
            var logRank = TryOrNull(() => LogRank.Test(time, events, groups));
            var cox = TryOrNull(() => CoxRegression.Fit(time, events, [[.. high.Select(h => h ? 1.0 : 0.0)]], ["high risk"]).Coefficients[0]);
            var series = new List<KaplanMeierSeries>();
            foreach (var (name, isHigh) in new[] { ("low risk", false), ("high risk", true) })
            {
                var members = Enumerable.Range(0, high.Length).Where(i => high[i] == isHigh).ToArray();
                var curve = members.Length == 0 ? null : TryOrNull(() => KaplanMeier.Fit([.. members.Select(i => time[i])], [.. members.Select(i => events[i])]));
                rows.Add(
                [
                    cohort.Cohort, name, members.Length.ToString(CultureInfo.InvariantCulture), members.Count(i => events[i]).ToString(CultureInfo.InvariantCulture),
                    curve is null || double.IsNaN(curve.Median.Median) ? "not reached" : F(curve.Median.Median),
                    isHigh && cox is not null ? $"{F(cox.HazardRatio)} ({F(cox.HazardRatioCiLower)}–{F(cox.HazardRatioCiUpper)})" : isHigh ? "n/a" : "1 (reference)",
                    isHigh && logRank is not null ? P(logRank.PValue) : string.Empty,
                ]);
                if (curve is not null)
                {
                    var steps = curve.Steps;
                    series.Add(new KaplanMeierSeries(name, [.. steps.Select(s => s.Time)], [.. steps.Select(s => s.Survival)], members.Length));
                }
                else
                {
                    // No recurrence in the group: Ŝ = 1 up to its last follow-up (an empty group is listed, not drawn).
                    series.Add(new KaplanMeierSeries(name, members.Length == 0 ? [] : [members.Max(i => time[i])], members.Length == 0 ? [] : [1.0], members.Length));
                }
            }

            panels.Add(new KaplanMeierPanel(cohort.Cohort, logRank?.PValue ?? double.NaN, series));
        }

        var definition = string.Join(" or ", selected.Select((s, t) => $"{s.Target} score ≥ {F(cutoffs[t])} ({s.Model.Model})"));
        var report = new HtmlReport(title);
        report.Section("Risk groups")
            .Paragraph($"High risk: {definition}; cut-offs are the Youden cut-offs of each target's selected model on the training cohort. Hazard ratios from Cox regression (Efron ties) with Wald 95% CIs; p from the log-rank test.")
            .Add(new Table("Recurrence by risk group", ["cohort", "group", "cases", "events", "median time to recurrence", "HR (95% CI)", "log-rank p"], rows))
            .Figure("kaplan-meier", "Recurrence-free probability by risk group (Kaplan–Meier)", KaplanMeierFigure.Build(panels, "Time"), PanelSize * panels.Count, PanelSize);
        return report;
    }

    private static double Probability(ModelPredictions model, string cohort, string id)
    {
        var predictions = model.Cohorts.First(c => c.Cohort == cohort);
        for (var i = 0; i < predictions.CaseIds.Count; i++)
        {
            if (predictions.CaseIds[i] == id)
            {
                return predictions.Probabilities[i];
            }
        }

        throw new InvalidDataException($"Model '{model.Model}' has no prediction for case '{id}' in cohort '{cohort}'.");
    }

    /// <summary>The statistic, or null where it is undefined for these data (one group, no event): the table then says n/a.</summary>
    private static T? TryOrNull<T>(Func<T> compute) where T : class
    {
        try
        {
            return compute();
        }
        catch (OlnmUserException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
