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
        var preset = new Option<string?>("--preset") { Description = "Synthetic cohort: tiny, quick (the quickstart's default) or paper." };
        var experiment = new Option<string?>("--experiment") { Description = "Experiment YAML (default: the embedded experiments/quickstart.yaml)." };
        var radiomics = new Option<string?>("--radiomics-settings") { Description = "Radiomics recipe YAML (default: the embedded main-job recipe)." };
        var data = new Option<string>("--data") { Description = "Folder for generated cohorts and their caches.", DefaultValueFactory = _ => "data" };
        var output = new Option<string>("--out") { Description = "Folder for the study, leaderboard, report and ONNX model.", DefaultValueFactory = _ => "reports" };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the synthetic cohort.", DefaultValueFactory = _ => 42UL };
        var threads = new Option<int>("--torch-threads") { Description = "Threads per deep-learning trial (0 = libtorch default)." };
        var command = new Command("run", "The main job: synthetic multi-centre cohort → radiomics → sweep (radiomics SVM, deep, fusion) → leaderboard, report, ONNX.")
        {
            preset, experiment, radiomics, data, output, seed, threads,
        };
        CommandAction.Set(command, async (parse, cancellation) =>
        {
            var clock = Stopwatch.StartNew();
            var result = await MainJob.RunAsync(
                new MainJobOptions
                {
                    Preset = parse.GetValue(preset) is { } name ? MainJob.ParsePreset(name) : null,
                    ExperimentPath = parse.GetValue(experiment),
                    RadiomicsSettingsPath = parse.GetValue(radiomics),
                    DataDirectory = parse.GetValue(data)!,
                    OutputDirectory = parse.GetValue(output)!,
                    CohortSeed = parse.GetValue(seed),
                    TorchThreads = parse.GetValue(threads),
                },
                new JobProgress(),
                cancellation);
            Output.Stage($"done in {clock.Elapsed:hh\\:mm\\:ss}, peak memory {Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20)} MiB");
            Output.Line($"manifest      {result.ManifestPath}");
            Output.Line($"radiomics     {result.RadiomicsTablePath}");
            Output.Line($"study         {result.StudyPath}");
            Output.Line($"leaderboard   {result.LeaderboardMarkdown}");
            Output.Line($"report        {result.ReportPath}");
            Output.Line(string.Create(CultureInfo.InvariantCulture, $"onnx          {result.OnnxPath} (best: {result.BestModel}; max |Δp| vs in-process {result.OnnxMaxDifference:E1})"));
            return 0;
        });
        return command;
    }
}
