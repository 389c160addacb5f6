using System.Diagnostics;

namespace OlnmMl.Reporting.Html;

/// <summary>
/// Headless Chromium, found as <c>$OLNM_CHROMIUM</c> or as <c>chromium</c>, <c>chromium-browser</c>, <c>google-chrome</c> on
/// PATH; it prints a report to PDF (<c>--headless --no-sandbox --print-to-pdf=FILE file://…</c>).
/// </summary>
public static class Chromium
{
    /// <summary>The environment variable naming the Chromium executable.</summary>
    public const string Variable = "OLNM_CHROMIUM";

    /// <summary>What is searched for, for messages.</summary>
    public const string Searched = "$" + Variable + ", or chromium, chromium-browser or google-chrome on PATH";

    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome"];

    /// <summary>The longest a print may take.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>The Chromium executable, or null when there is none.</summary>
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } named)
        {
            return File.Exists(named) ? Path.GetFullPath(named) : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(folder => Names.Select(name => Path.Combine(folder, name)))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// Runs <paramref name="chromium"/> headless with <paramref name="arguments"/> and the page <paramref name="html"/>;
    /// returns when it exits. Throws <see cref="OlnmUserException"/> naming the page when it fails or takes over two minutes.
    /// </summary>
    public static void Run(string chromium, string html, params string[] arguments)
    {
        var start = new ProcessStartInfo(chromium) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", .. arguments, new Uri(Path.GetFullPath(html)).AbsoluteUri])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new OlnmUserException(chromium, "could not be started");
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new OlnmUserException(html, $"Chromium ({chromium}) took over {Timeout.TotalMinutes:0} minutes; nothing was written");
        }

        if (process.ExitCode != 0)
        {
            var last = error.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "no message";
            throw new OlnmUserException(html, $"Chromium ({chromium}) exited with code {process.ExitCode}: {last}");
        }
    }

    /// <summary>
    /// Prints <paramref name="html"/> to <paramref name="pdf"/> (A4, no header or footer): written under a temporary name
    /// beside it and renamed when complete. Throws <see cref="OlnmUserException"/> when no PDF came.
    /// </summary>
    public static void PrintToPdf(string chromium, string html, string pdf)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(pdf))!, $".{Path.GetFileName(pdf)}.{Guid.NewGuid():N}.pending");
        try
        {
            Run(chromium, html, "--no-pdf-header-footer", $"--print-to-pdf={temporary}");
            if (!File.Exists(temporary) || new FileInfo(temporary).Length == 0)
            {
                throw new OlnmUserException(html, $"Chromium ({chromium}) wrote no PDF");
            }

            File.Move(temporary, pdf, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
