using System.CommandLine;

namespace OlnmMl.Cli.Terminal;

/// <summary>
/// Wraps a command's body so that bad input ends as one clear error line and exit code 1 (2 for
/// usage errors), never a stack trace; set OLNM_DEBUG=1 to see the trace of an unexpected error.
/// </summary>
internal static class CommandAction
{
    /// <summary>Sets <paramref name="body"/> as <paramref name="command"/>'s action with the error handling above.</summary>
    public static void Set(Command command, Func<ParseResult, CancellationToken, Task<int>> body) =>
        command.SetAction(async (parse, cancellation) =>
        {
            try
            {
                return await body(parse, cancellation);
            }
            catch (OperationCanceledException)
            {
                Output.Error("cancelled; completed work was kept and a rerun resumes from it");
                return 130;
            }
            catch (Exception e) when (IsUserError(e))
            {
                Output.Error(e.Message);
                return 1;
            }
            catch (Exception e)
            {
                Output.Error($"unexpected {e.GetType().Name}: {e.Message}");
                if (Environment.GetEnvironmentVariable("OLNM_DEBUG") == "1")
                {
                    Console.Error.WriteLine(e);
                }

                return 1;
            }
        });

    /// <summary>Synchronous overload.</summary>
    public static void Set(Command command, Func<ParseResult, int> body) =>
        Set(command, (parse, _) => Task.FromResult(body(parse)));

    private static bool IsUserError(Exception e) =>
        e is OlnmUserException or IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or FormatException or InvalidDataException;
}
