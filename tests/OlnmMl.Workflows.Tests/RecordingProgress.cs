using OlnmMl.Workflows.Jobs;

namespace OlnmMl.Workflows.Tests;

/// <summary>Job progress that records the stage names in order and runs each stage's work.</summary>
internal sealed class RecordingProgress : IJobProgress
{
    public List<string> Stages { get; } = [];

    public T Stage<T>(string name, Func<Action<int, int, string>, T> work)
    {
        Stages.Add(name);
        return work((_, _, _) => { });
    }

    public void Info(string message)
    {
    }
}
