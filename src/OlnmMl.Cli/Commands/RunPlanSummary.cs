using System.Globalization;
using OlnmMl.Cli.Terminal;
using OlnmMl.Workflows.Jobs;

namespace OlnmMl.Cli.Commands;

/// <summary>Prints an <c>olnm run --dry-run</c> plan, one fact per line.</summary>
internal static class RunPlanSummary
{
    public static void Print(RunPlan plan)
    {
        Output.Line($"experiment    {plan.Experiment} ({plan.ExperimentPath})");
        var cases = plan.CasesByCohort.Count == 0 ? "" : $": {plan.CasesByCohort.Values.Sum()} cases ({string.Join(", ", plan.CasesByCohort.Select(c => $"{c.Key} {c.Value}"))})";
        Output.Line($"data          {plan.Data}{(plan.DataExists ? cases : " (does not exist yet: generated first)")}");
        Output.Line($"run folder    {plan.RunDirectory}");
        Output.Line($"targets       {string.Join(", ", plan.Targets)}");
        var kinds = string.Join(", ", plan.TrialsByKind.Select(k => k.Value is { } n ? $"{k.Key} {n}" : k.Key));
        Output.Line($"trials        {(plan.Trials is { } t ? t.ToString(CultureInfo.InvariantCulture) : "no trial budget (time or memory limit)")}, {plan.Parallel} at a time: {kinds}");
        Output.Line(plan.MeanTrialDuration is { } mean
            ? $"done          {plan.Complete} trials complete, {mean:hh\\:mm\\:ss} each on average; about {plan.EstimatedRemaining:hh\\:mm\\:ss} left"
            : "done          no trial has run yet, so no time estimate (the sweep prints an ETA once trials finish)");
    }
}
