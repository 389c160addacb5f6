using Spectre.Console;

namespace OlnmMl.Cli.Terminal;

/// <summary>
/// Runs work that reports (done, total, message) and shows it: a Spectre.Console progress bar on a
/// terminal; otherwise a plain line at every 10% step (and the last item), so CI logs show progress
/// without flooding.
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>Runs <paramref name="work"/>, passing it a reporter of (done, total, message).</summary>
    public static T Run<T>(string title, Func<Action<int, int, string>, T> work)
    {
        if (Output.Interactive)
        {
            return AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .Start(context =>
                {
                    var task = context.AddTask(Markup.Escape(title), autoStart: true, maxValue: 1);
                    var result = work((done, total, message) =>
                    {
                        task.MaxValue = Math.Max(1, total);
                        task.Value = done;
                        task.Description = Markup.Escape($"{title}: {message}");
                    });
                    task.Value = task.MaxValue;
                    task.Description = Markup.Escape(title);
                    return result;
                });
        }

        var lastStep = -1;
        var gate = new object();
        return work((done, total, message) =>
        {
            var step = total <= 0 ? 0 : done * 10 / total;
            lock (gate)
            {
                if (step > lastStep || done == total)
                {
                    lastStep = step;
                    Output.Line($"{title}: {done}/{total} {message}");
                }
            }
        });
    }
}
