namespace OlnmMl.Workflows.Jobs;

/// <summary>How a long job shows its progress: the CLI renders stages as progress bars on a terminal and plain lines in CI.</summary>
public interface IJobProgress
{
    /// <summary>Runs one stage; <paramref name="work"/> reports (done, total, message).</summary>
    T Stage<T>(string name, Func<Action<int, int, string>, T> work);

    /// <summary>A line of information.</summary>
    void Info(string message);
}
