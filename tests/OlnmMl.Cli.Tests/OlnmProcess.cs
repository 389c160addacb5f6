using System.Diagnostics;

namespace OlnmMl.Cli.Tests;

/// <summary>Runs the built <c>olnm</c> CLI as a separate operating-system process (<c>dotnet olnm.dll …</c>).</summary>
internal static class OlnmProcess
{
    private static string Dll => Path.Combine(AppContext.BaseDirectory, "olnm.dll");

    /// <summary>Starts <c>olnm <paramref name="args"/></c> with redirected output (plain, non-interactive).</summary>
    public static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Dll);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["CI"] = "true";
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    /// <summary>Waits for <paramref name="process"/> and returns its exit code and output.</summary>
    public static (int ExitCode, string Output, string Error) Finish(Process process, TimeSpan timeout)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"olnm did not finish within {timeout}");
        }

        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Runs <c>olnm <paramref name="args"/></c> to completion.</summary>
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var process = Start(args);
        return Finish(process, TimeSpan.FromMinutes(5));
    }
}
