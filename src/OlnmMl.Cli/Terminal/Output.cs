using Spectre.Console;

namespace OlnmMl.Cli.Terminal;

/// <summary>
/// Where the CLI writes: rich Spectre.Console output (colours, live progress bars) on an interactive
/// terminal, plain timestamp-free lines when output is redirected or CI=true, so CI logs stay readable.
/// </summary>
internal static class Output
{
    /// <summary>True when progress bars and colours may be used.</summary>
    public static bool Interactive { get; } =
        !Console.IsOutputRedirected
        && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>Writes a line of plain text.</summary>
    public static void Line(string text) => Console.Out.WriteLine(text);

    /// <summary>Writes a heading for a stage of work.</summary>
    public static void Stage(string text)
    {
        if (Interactive)
        {
            AnsiConsole.MarkupLine($"[bold blue]▶[/] {Markup.Escape(text)}");
        }
        else
        {
            Line($"== {text}");
        }
    }

    /// <summary>Writes a one-line error to standard error.</summary>
    public static void Error(string text)
    {
        if (Interactive)
        {
            AnsiConsole.Console.Profile.Out.Writer.Flush();
            Console.Error.WriteLine($"\u001b[31merror:\u001b[0m {text}");
        }
        else
        {
            Console.Error.WriteLine($"error: {text}");
        }
    }

    /// <summary>Writes a one-line warning to standard error.</summary>
    public static void Warning(string text) => Console.Error.WriteLine($"warning: {text}");
}
