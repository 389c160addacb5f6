using System.Globalization;
using System.CommandLine;
using OlnmMl.AutoML;
using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Leaderboard;
using OlnmMl.Cli.Terminal;
using OlnmMl.Reporting.Html;
using OlnmMl.Workflows.Jobs;

namespace OlnmMl.Cli.Commands;

/// <summary><c>olnm sweep run|resume|worker|status|leaderboard</c> and <c>olnm report</c>.</summary>
internal static class SweepCommands
{
    private static Option<string> StudiesOption() =>
        new("--studies") { Description = "Folder of study databases.", DefaultValueFactory = _ => StudyLocation.DefaultDirectory };

    public static Command Create()
    {
        var sweep = new Command("sweep", "Sweeps over pipelines with cross-cohort leaderboards (studies are SQLite files, resumable).");
        sweep.Subcommands.Add(Run());
        sweep.Subcommands.Add(Resume());
        sweep.Subcommands.Add(SweepWorkerCommand.Create());
        sweep.Subcommands.Add(Status());
        sweep.Subcommands.Add(List());
        sweep.Subcommands.Add(Leaderboard());
        return sweep;
    }

    private static Command Run()
    {
        var common = new CommonOptions();
        var studies = StudiesOption();
        var file = new Argument<string>("experiment") { Description = "Experiment YAML (see experiments/)." };
        var command = new Command("run", "Create a study from an experiment and run it.") { file, studies };
        common.AddTo(command);
        CommandAction.Set(command, (parse, cancellation) =>
        {
            var path = parse.GetValue(file)!;
            var experiment = ExperimentYaml.Load(path);
            var directory = parse.GetValue(studies)!;
            var options = common.Read(parse, directory);
            var location = StudyLocation.ForName(experiment.Name, directory);
            if (File.Exists(location.DatabasePath))
            {
                throw new IOException($"Study '{location.DatabasePath}' already exists; continue it with 'olnm sweep resume {location.DatabasePath}'.");
            }

            var prepared = MainJob.Prepare(experiment, path, options, new JobProgress(), cancellation);
            StudySnapshot.Write(prepared, location.ArtefactRoot);
            var inputs = RecordedInputs.Of(prepared, options);
            var summary = ProgressDisplay.Run("sweep", report =>
                Sweeps.RunAsync(experiment, location, prepared.Registry(parse.GetValue(common.TorchThreads)), new SweepProgressAdapter(report), inputs, cancellation).GetAwaiter().GetResult());
            Output.Line($"{summary}");
            Output.Line($"study: {location.DatabasePath}; next: olnm sweep leaderboard {location.DatabasePath}");
            return Task.FromResult(0);
        });
        return command;
    }

    private static Command Resume()
    {
        var common = new CommonOptions();
        var studies = StudiesOption();
        var study = new Argument<string>("study") { Description = "Study name or .db path." };
        var retries = StudyStorage.RetriesOption();
        var command = new Command("resume", "Continue a study: re-run interrupted trials, then propose new ones within the budgets.") { study, studies, retries };
        common.AddTo(command);
        CommandAction.Set(command, (parse, cancellation) =>
        {
            var (location, experiment) = StoredExperiment.Load(parse.GetValue(study)!, parse.GetValue(studies)!);
            var options = common.Read(parse, Path.GetDirectoryName(location.DatabasePath)!);
            // The inputs known from the options are checked before the (long) data preparation, the rest after it.
            Sweeps.RequireInputs(location.DatabasePath, RecordedInputs.FromOptions(experiment, options));
            var prepared = MainJob.Prepare(experiment, location.DatabasePath, options, new JobProgress(), cancellation);
            StudySnapshot.Write(prepared, location.ArtefactRoot);
            var inputs = RecordedInputs.Of(prepared, options);
            var summary = ProgressDisplay.Run("sweep", report =>
                Sweeps.ResumeAsync(
                    location.DatabasePath, prepared.Registry(parse.GetValue(common.TorchThreads)), new SweepProgressAdapter(report), inputs: inputs,
                    maxRetries: parse.GetValue(retries), cancellationToken: cancellation).GetAwaiter().GetResult());
            Output.Line($"{summary}");
            return Task.FromResult(0);
        });
        return command;
    }

    private static Command Status()
    {
        var studies = StudiesOption();
        var storage = StudyStorage.StorageOption();
        var study = new Argument<string>("study") { Description = "Study name or .db path." };
        var command = new Command("status", "Trials done/failed/running, the best trial and recent errors.") { study, studies, storage };
        CommandAction.Set(command, parse =>
        {
            using var opened = StudyStorage.Open(parse.GetValue(storage), parse.GetValue(study)!, parse.GetValue(studies)!, null);
            Output.Line(StudyStatus.Of(opened.Store, opened.Where).ToString());
            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var studies = StudiesOption();
        var command = new Command("list", "Every study of the studies folder: trials complete of the budget, failed, running, the best trial, when it was created.") { studies };
        CommandAction.Set(command, parse =>
        {
            var listing = StudyListing.Of(parse.GetValue(studies)!);
            foreach (var s in listing.Studies)
            {
                var best = s.BestTrial is { } trial ? string.Create(CultureInfo.InvariantCulture, $"best {s.BestObjective:0.000} (trial {trial})") : "no complete trial";
                Output.Line($"{s.Study.Name,-24} {s.Complete}/{(s.MaxTrials?.ToString(CultureInfo.InvariantCulture) ?? "?")} complete, {s.Failed} failed, {s.Running} running; {best}; created {s.Study.CreatedAt:yyyy-MM-dd HH:mm} UTC; {s.Where}");
            }

            foreach (var (_, reason) in listing.Unreadable)
            {
                Output.Error(reason);
            }

            if (listing.Studies.Count == 0 && listing.Unreadable.Count == 0)
            {
                Output.Line($"no study in {Path.GetFullPath(parse.GetValue(studies)!)}");
            }

            return listing.Unreadable.Count == 0 ? 0 : 1;
        });
        return command;
    }

    private static Command Leaderboard()
    {
        var studies = StudiesOption();
        var study = new Argument<string>("study") { Description = "Study name or .db path." };
        var output = new Option<string?>("--out") { Description = "Also write leaderboard.csv and leaderboard.md into this folder." };
        var manifest = new Option<string?>("--manifest")
        {
            Description = "The study's manifest (default: the experiment's data source when it is a file); where a synthetic truth file lies beside it, the oracle AUC and lift shares are shown.",
        };
        var storage = StudyStorage.StorageOption();
        var artefacts = StudyStorage.ArtefactsOption();
        var command = new Command("leaderboard", "Print the cross-cohort leaderboard (Markdown).") { study, studies, output, manifest, storage, artefacts };
        CommandAction.Set(command, parse =>
        {
            using var opened = StudyStorage.Open(parse.GetValue(storage), parse.GetValue(study)!, parse.GetValue(studies)!, parse.GetValue(artefacts));
            var experiment = ExperimentYaml.Read(opened.Store.Study.Definition, opened.Where);
            var targets = StudyTargets.Of(experiment, opened.Where);
            var manifestPath = parse.GetValue(manifest) ?? (File.Exists(experiment.Data.Source) ? experiment.Data.Source : null);
            foreach (var target in targets)
            {
                var (table, _) = StudyTargets.Leaderboard(opened.Store, opened.ArtefactRoot, experiment, target, manifestPath);
                if (targets.Count > 1)
                {
                    Output.Line($"## target {target}");
                }

                Output.Line(LeaderboardWriter.ToMarkdown(table));
                if (parse.GetValue(output) is { } directory)
                {
                    var (csv, markdown) = LeaderboardWriter.WriteFiles(table, StudyTargets.Directory(directory, target, targets.Count));
                    Output.Line($"wrote {csv} and {markdown}");
                }
            }

            return 0;
        });
        return command;
    }

    /// <summary><c>olnm report &lt;study&gt;</c>.</summary>
    public static Command Report()
    {
        var common = new CommonOptions();
        var studies = StudiesOption();
        var study = new Argument<string>("study") { Description = "Study name or .db path." };
        var output = new Option<string?>("--out") { Description = "Report folder (default: report/ beside the study)." };
        var format = new Option<string>("--format")
        {
            Description = "The report printed: html (self-contained), md (Markdown beside PNG figures), or pdf (printed by headless Chromium, "
                + $"found as {Chromium.Searched}; figures stay vector). CSV tables and PNG/SVG figures are written with every format.",
            DefaultValueFactory = _ => "html",
        }.AcceptOnlyFromAmong("html", "md", "pdf");
        var storage = StudyStorage.StorageOption();
        var artefacts = StudyStorage.ArtefactsOption();
        var command = new Command("report", "Write the study's report (HTML, Markdown or PDF) with CSV tables and PNG/SVG figures, from the stored study and its cohort snapshot.") { study, studies, output, format, storage, artefacts };
        common.AddTo(command);
        CommandAction.Set(command, parse =>
        {
            var chosen = parse.GetValue(format)!;
            var chromium = chosen == "pdf"
                ? Chromium.Find() ?? throw new OlnmUserException($"--format pdf: Chromium not found ({Chromium.Searched}); install Chromium, set {Chromium.Variable}, or use --format html")
                : null;
            using var opened = StudyStorage.Open(parse.GetValue(storage), parse.GetValue(study)!, parse.GetValue(studies)!, parse.GetValue(artefacts));
            var experiment = ExperimentYaml.Read(opened.Store.Study.Definition, opened.Where);
            var directory = parse.GetValue(output) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(opened.ArtefactRoot))!, "report");
            var prepared = StudySnapshot.TryRead(experiment, opened.Where, opened.ArtefactRoot);
            if (prepared is null)
            {
                Output.Line($"note: {opened.ArtefactRoot} holds no cohort snapshot (a study from an older version); regenerating the cohort to draw the report");
                prepared = MainJob.Prepare(experiment, opened.Where, common.Read(parse, directory), new JobProgress());
            }

            foreach (var html in MainJob.WriteReports(prepared, opened.Store, opened.ArtefactRoot, opened.Where, directory))
            {
                var report = chosen switch
                {
                    "pdf" => ReportPdf.Write(html, chromium!),
                    "md" => Path.ChangeExtension(html, ".md"),
                    _ => html,
                };
                Output.Line($"report: {report}");
            }

            return 0;
        });
        return command;
    }
}
