using System.CommandLine;
using OlnmMl.AutoML;
using OlnmMl.Cli.Terminal;
using OlnmMl.Workflows.Diagnostics;

namespace OlnmMl.Cli.Commands;

/// <summary><c>olnm doctor</c>: whether this machine can run the job, one line per check; exit 1 when any check fails.</summary>
internal static class DoctorCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "The data folder to check (as run's --data).", DefaultValueFactory = _ => "data" };
        var output = new Option<string>("--out") { Description = "The output folder to check (as run's --out).", DefaultValueFactory = _ => "reports" };
        var command = new Command("doctor", "Checks this machine: versions, libtorch loaded and computing, CUDA seen or not, OpenMP settings, ONNX Runtime, and the data, output and studies folders (writable, free space).")
        {
            data, output,
        };
        CommandAction.Set(command, (parse, _) =>
        {
            var checks = EnvironmentDoctor.Run(
            [
                ("data folder", parse.GetValue(data)!),
                ("output folder", parse.GetValue(output)!),
                ("studies folder", StudyLocation.DefaultDirectory),
            ]);
            foreach (var check in checks)
            {
                var line = $"{check.Subject,-15} {check.Outcome.ToString().ToLowerInvariant(),-5} {check.Finding}";
                if (check.Outcome == CheckOutcome.Fail)
                {
                    Output.Error(line);
                }
                else
                {
                    Output.Line(line);
                }
            }

            return Task.FromResult(checks.Any(c => c.Outcome == CheckOutcome.Fail) ? 1 : 0);
        });
        return command;
    }
}
