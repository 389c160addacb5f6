using System.Diagnostics;

namespace OlnmMl.Cli.Tests.Processes;

/// <summary>Runs the real <c>olnm</c> executable (the build beside this test assembly) as a child process.</summary>
internal static class OlnmProcess
{
    /// <summary>The olnm.dll built with the tests.</summary>
    public static string Executable => Path.Combine(AppContext.BaseDirectory, "olnm.dll");

    /// <summary>Starts <c>dotnet olnm.dll args</c> with its output captured.</summary>
    public static Process Start(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Executable);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["CI"] = "true";
        return Process.Start(start)!;
    }

    /// <summary>Runs to completion (at most <paramref name="timeout"/>) and returns exit code, stdout and stderr.</summary>
    public static (int ExitCode, string Output, string Error) Run(string workingDirectory, TimeSpan timeout, params string[] args)
    {
        using var process = Start(workingDirectory, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"olnm {string.Join(' ', args)} ran past {timeout}");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
