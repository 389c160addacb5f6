namespace OlnmMl.Workflows.Study;

/// <summary>Prepares study cases' inputs in parallel (filling a disk cache before training), reporting (done, total) after each.</summary>
public static class CasePreparation
{
    /// <summary>Runs <paramref name="prepare"/> on every case of <paramref name="cases"/>, in parallel.</summary>
    public static void Run(IReadOnlyList<StudyCase> cases, Action<StudyCase> prepare, Action<int, int>? progress, CancellationToken cancellationToken)
    {
        var done = 0;
        Parallel.ForEach(
            cases,
            new ParallelOptions { CancellationToken = cancellationToken },
            c =>
            {
                prepare(c);
                progress?.Invoke(Interlocked.Increment(ref done), cases.Count);
            });
    }
}
