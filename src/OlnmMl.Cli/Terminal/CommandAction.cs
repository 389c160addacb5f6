using System.CommandLine;
using System.Runtime.InteropServices;

namespace OlnmMl.Cli.Terminal;

/// <summary>
/// Wraps a command's body so that bad input ends as one clear error line and exit code 1 (2 for usage errors),
/// never a stack trace (set OLNM_DEBUG=1 to see the trace of an unexpected error), and so that Ctrl-C (SIGINT)
/// or SIGTERM cancels the body's token: the body stops, marks its unfinished work (a sweep marks its trials
/// Interrupted), and the command prints "cancelled; …" and exits 130. A second signal ends the process at once.
/// The signals are handled here, not by System.CommandLine: its handler is registered only after a synchronous
/// body has returned, and it would end the process after ProcessTerminationTimeout without the clean-up
/// (<see cref="OlnmCommandLine.InvokeAsync"/> turns it off).
/// </summary>
internal static class CommandAction
{
    /// <summary>The exit code of a cancelled command (128 + SIGINT, as shells report Ctrl-C).</summary>
    public const int CancelledExitCode = 130;

    /// <summary>Sets <paramref name="body"/> as <paramref name="command"/>'s action with the handling above.</summary>
    public static void Set(Command command, Func<ParseResult, CancellationToken, Task<int>> body) =>
        command.SetAction(async (parse, cancellation) =>
        {
            using var signalled = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            void OnSignal(PosixSignalContext context)
            {
                // The first signal asks for a clean stop; a later one gets the default behaviour (the process ends).
                context.Cancel = !signalled.IsCancellationRequested;
                signalled.Cancel();
            }

            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
            try
            {
                // Run the body off the signal-handling thread, so a synchronous body cannot delay the handler.
                return await Task.Run(() => body(parse, signalled.Token), CancellationToken.None);
            }
            catch (OperationCanceledException) when (signalled.IsCancellationRequested)
            {
                Output.Error("cancelled; completed work was kept and a rerun resumes from it");
                return CancelledExitCode;
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
