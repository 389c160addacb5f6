using OlnmMl.Workflows.Jobs;

namespace OlnmMl.Cli.Terminal;

/// <summary>Renders main-job stages with <see cref="ProgressDisplay"/> and information lines with <see cref="Output"/>.</summary>
internal sealed class JobProgress : IJobProgress
{
    public T Stage<T>(string name, Func<Action<int, int, string>, T> work)
    {
        Output.Stage(name);
        return ProgressDisplay.Run(name, work);
    }

    public void Info(string message) => Output.Line(message);
}
