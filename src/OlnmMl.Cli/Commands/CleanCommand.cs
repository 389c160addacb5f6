using System.CommandLine;
using System.Globalization;
using OlnmMl.AutoML;
using OlnmMl.AutoML.Cleanup;
using OlnmMl.Cli.Terminal;
using OlnmMl.Workflows.Jobs;

namespace OlnmMl.Cli.Commands;

/// <summary>
/// <c>olnm clean [--study S]… [--keep-best N] [--caches] [--previous] [--dry-run]</c>: frees disk space and prints
/// every path removed with its size, then the total. Never removes predictions, the best trials' artefacts or
/// anything of a running study (see <see cref="StudyCleanup"/>).
/// </summary>
internal static class CleanCommand
{
    public static Command Create()
    {
        var studies = new Option<string[]>("--study") { Description = "Study (name or .db path) whose trial artefacts to prune; repeatable.", AllowMultipleArgumentsPerToken = true };
        var studiesDirectory = new Option<string>("--studies") { Description = "Folder of study databases.", DefaultValueFactory = _ => StudyLocation.DefaultDirectory };
        var keepBest = new Option<int>("--keep-best") { Description = "Trials (best by the selection objective) that keep every artefact.", DefaultValueFactory = _ => 1 };
        var caches = new Option<bool>("--caches") { Description = "Remove the radiomics caches, crop caches and per-recipe radiomics tables under --data." };
        var previous = new Option<bool>("--previous") { Description = "Remove the runs moved aside (NAME.previous-TIME): folders under --reports, study files and artefacts under --studies." };
        var data = new Option<string>("--data") { Description = "Folder of generated cohorts and their caches.", DefaultValueFactory = _ => "data" };
        var reports = new Option<string>("--reports") { Description = "Folder of the main job's runs.", DefaultValueFactory = _ => "reports" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would be removed and the bytes it would free; remove nothing." };
        var command = new Command("clean", "Free disk space: prune trial artefacts (keeping the best), caches and previous runs, printing each path and the bytes freed.")
        {
            studies, studiesDirectory, keepBest, caches, previous, data, reports, dryRun,
        };
        CommandAction.Set(command, parse =>
        {
            var dry = parse.GetValue(dryRun);
            var selected = parse.GetValue(studies) ?? [];
            if (selected.Length == 0 && !parse.GetValue(caches) && !parse.GetValue(previous))
            {
                throw new ArgumentException("Nothing to clean: pass --study S, --caches and/or --previous (add --dry-run to see first).");
            }

            var items = new List<CleanupItem>();
            foreach (var study in selected)
            {
                items.AddRange(StudyCleanup.Run(StudyLocation.Resolve(study, parse.GetValue(studiesDirectory)!), parse.GetValue(keepBest), dry));
            }

            if (parse.GetValue(caches))
            {
                items.AddRange(DiskCleanup.Remove(JobCleanup.Caches(parse.GetValue(data)!), dry));
            }

            if (parse.GetValue(previous))
            {
                items.AddRange(DiskCleanup.Remove(JobCleanup.PreviousRuns(parse.GetValue(reports)!, parse.GetValue(studiesDirectory)!), dry));
            }

            var verb = dry ? "would remove" : "removed";
            foreach (var item in items)
            {
                Output.Line($"{verb} {item.Path} ({Size(item.Bytes)}): {item.Reason}");
            }

            var total = items.Sum(i => i.Bytes);
            Output.Line(string.Create(CultureInfo.InvariantCulture, $"{(dry ? "would free" : "freed")} {total} bytes ({Size(total)}) in {items.Count} item(s)"));
            return 0;
        });
        return command;
    }

    private static string Size(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):F1} MiB");
}
