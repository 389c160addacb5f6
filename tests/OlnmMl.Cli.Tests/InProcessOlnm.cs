namespace OlnmMl.Cli.Tests;

/// <summary>Runs the command line in this process with standard output and error captured (tests using it share the "console" collection).</summary>
internal static class InProcessOlnm
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var (oldOut, oldError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var code = OlnmCommandLine.Build().Parse(args).Invoke();
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }
}
