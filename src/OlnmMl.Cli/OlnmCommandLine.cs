using System.CommandLine;
using OlnmMl.Cli.Commands;

namespace OlnmMl.Cli;

/// <summary>The <c>olnm</c> command tree. Each command is a few lines that parse options and call one library entry point.</summary>
public static class OlnmCommandLine
{
    /// <summary>Builds the root command (with <c>--help</c> and <c>--version</c>).</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand(
            "OlnmMl: occult lymph-node metastasis prediction from CT — radiomics, 3D deep learning, fusion, cross-cohort evaluation, sweeps and ONNX export.\n" +
            "Run 'olnm run' for the main job on the embedded synthetic multi-centre cohort.");
        foreach (var command in Commands())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>; returns the exit code. System.CommandLine's own termination handling is
    /// off: <see cref="Terminal.CommandAction"/> handles SIGINT/SIGTERM so a cancelled command cleans up and exits 130.
    /// </summary>
    public static Task<int> InvokeAsync(string[] args) =>
        Build().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });

    private static IEnumerable<Command> Commands()
    {
        yield return RunCommand.Create();
        yield return CohortCommands.Create();
        yield return ConvertCommand.Create();
        yield return LibraryCommands.Radiomics();
        yield return LibraryCommands.Stats();
        yield return EvaluateCommand.Create();
        yield return LibraryCommands.Train();
        yield return LibraryCommands.Predict();
        yield return LibraryCommands.Export();
        yield return PretrainCommand.Create();
        yield return SweepCommands.Create();
        yield return SweepCommands.Report();
        yield return CleanCommand.Create();
        yield return DoctorCommand.Create();
    }
}
