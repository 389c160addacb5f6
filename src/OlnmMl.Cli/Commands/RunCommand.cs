using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using OlnmMl.Cli.Terminal;
using OlnmMl.Workflows.Jobs;

namespace OlnmMl.Cli.Commands;

/// <summary><c>olnm run</c>: the main job.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var common = new CommonOptions();
        var experiment = new Option<string?>("--experiment") { Description = "Experiment YAML (default: the embedded experiments/quickstart.yaml)." };
        var output = new Option<string>("--out") { Description = "Folder for the study, leaderboard, report and ONNX model.", DefaultValueFactory = _ => "reports" };
        var studies = new Option<string>("--studies") { Description = "Folder of study databases (as for olnm sweep and olnm report).", DefaultValueFactory = _ => AutoML.StudyLocation.DefaultDirectory };
        var dryRun = new Option<bool>("--dry-run") { Description = "Say what would run (data, run folder, targets, trials by kind, time left by the trials done so far) and exit without running it." };
        var command = new Command("run", "The main job: synthetic multi-centre cohort → radiomics → sweep (radiomics SVM, deep, fusion) → leaderboard, report, ONNX.")
        {
            experiment, output, studies, dryRun,
        };
        common.AddTo(command);
        CommandAction.Set(command, (parse, cancellation) =>
        {
            var options = common.Read(parse, parse.GetValue(output)!, parse.GetValue(experiment)) with { StudiesDirectory = parse.GetValue(studies) };
            if (parse.GetValue(dryRun))
            {
                RunPlanSummary.Print(RunPlan.Of(options));
                return Task.FromResult(0);
            }

            var clock = Stopwatch.StartNew();
            var result = MainJob.Run(options, new JobProgress(), cancellation);
            Output.Stage($"done in {clock.Elapsed:hh\\:mm\\:ss}, peak memory {Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20)} MiB");
            Output.Line($"manifest      {result.ManifestPath}");
            Output.Line($"radiomics     {result.RadiomicsTablePath}");
            Output.Line($"study         {result.StudyPath} (olnm sweep status|leaderboard {Path.GetFileNameWithoutExtension(result.StudyPath)}; olnm report {Path.GetFileNameWithoutExtension(result.StudyPath)})");
            foreach (var target in result.Targets)
            {
                string Key(string name) => (result.Targets.Count == 1 ? name : $"{name} {target.Target}").PadRight(13) + " ";
                Output.Line($"{Key("leaderboard")}{target.LeaderboardMarkdown}");
                Output.Line($"{Key("report")}{target.ReportPath}");
                Output.Line(string.Create(CultureInfo.InvariantCulture, $"{Key("onnx")}{target.OnnxPath} (best: {target.BestModel}; max |Δp| vs in-process {target.OnnxMaxDifference:E1})"));
            }

            if (result.RiskGroupReportPath is { } riskGroups)
            {
                Output.Line($"risk groups   {riskGroups}");
            }

            return Task.FromResult(0);
        });
        return command;
    }
}
