using System.CommandLine;
using System.Globalization;
using OlnmMl.Cli.Terminal;
using OlnmMl.Cohorts.Validation;

namespace OlnmMl.Cli.Commands;

/// <summary><c>olnm cohort generate|check</c>.</summary>
internal static class CohortCommands
{
    public static Command Create()
    {
        var cohort = new Command("cohort", "Synthetic cohorts and manifest checks.");
        cohort.Subcommands.Add(LibraryCommands.CohortGenerate());
        cohort.Subcommands.Add(Check());
        return cohort;
    }

    private static Command Check()
    {
        var manifest = new Argument<string>("manifest") { Description = "Manifest (.csv or MONAI datalist .json)." };
        var label = new Option<int?>("--label") { Description = "Mask value that is the ROI, as for radiomics (default: the mask's only non-zero value)." };
        var command = new Command("check", "Validate a manifest: files, volumes (as radiomics checks them), grids, masks, cohorts, classes; print counts per cohort and centre.") { manifest, label };
        CommandAction.Set(command, (parse, cancellation) =>
        {
            var report = CohortCheck.Run(parse.GetValue(manifest)!, cancellationToken: cancellation, maskLabel: parse.GetValue(label));
            Print(report);
            return Task.FromResult(report.IsValid ? 0 : 1);
        });
        return command;
    }

    private static void Print(CohortCheckReport report)
    {
        Output.Line($"{report.ManifestPath}: {report.CaseCount} cases");
        foreach (var (title, groups) in new[] { ("cohort", report.Cohorts), ("centre", report.Centres) })
        {
            foreach (var group in groups)
            {
                Output.Line(string.Create(CultureInfo.InvariantCulture, $"  {title} {group.Name,-16} {group.Cases,5} cases  {group.Positives,4} pN+  ({group.Prevalence:P1})"));
            }
        }

        foreach (var problem in report.Problems)
        {
            Output.Error(problem.Message);
        }

        Output.Line(report.IsValid ? "manifest OK" : $"{report.Problems.Count} problem(s)");
    }
}
