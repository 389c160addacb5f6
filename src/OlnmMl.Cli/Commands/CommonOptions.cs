using System.CommandLine;
using OlnmMl.Workflows.Jobs;

namespace OlnmMl.Cli.Commands;

/// <summary>The data options shared by <c>run</c>, <c>sweep</c> and <c>report</c>: where cohorts live and how they are made.</summary>
internal sealed class CommonOptions
{
    public Option<string?> Preset { get; } = new("--preset") { Description = "Synthetic cohort for a synthetic:NAME source: tiny, quick, paper or petct-tiny/-quick/-paper (default: the experiment's)." };

    public Option<string?> RadiomicsSettings { get; } = new("--radiomics-settings") { Description = "Radiomics recipe YAML (default: the embedded main-job recipe)." };

    public Option<string> Data { get; } = new("--data") { Description = "Folder for generated cohorts and their caches.", DefaultValueFactory = _ => "data" };

    public Option<ulong> Seed { get; } = new("--seed") { Description = "Seed of the synthetic cohort.", DefaultValueFactory = _ => 42UL };

    public Option<int> TorchThreads { get; } = new("--torch-threads") { Description = "Threads per deep-learning trial (0 = libtorch default)." };

    public void AddTo(Command command)
    {
        command.Options.Add(Preset);
        command.Options.Add(RadiomicsSettings);
        command.Options.Add(Data);
        command.Options.Add(Seed);
        command.Options.Add(TorchThreads);
    }

    public MainJobOptions Read(ParseResult parse, string outputDirectory, string? experimentPath = null) => new()
    {
        Preset = parse.GetValue(Preset) is { } name ? MainJob.ParsePreset(name) : null,
        ExperimentPath = experimentPath,
        RadiomicsSettingsPath = parse.GetValue(RadiomicsSettings),
        DataDirectory = parse.GetValue(Data)!,
        OutputDirectory = outputDirectory,
        CohortSeed = parse.GetValue(Seed),
        TorchThreads = parse.GetValue(TorchThreads),
    };
}
