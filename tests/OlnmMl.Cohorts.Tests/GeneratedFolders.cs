using OlnmMl.Cohorts.Synthetic;

namespace OlnmMl.Cohorts.Tests;

/// <summary>Assertions shared by the generator tests: byte-identical folders, and a run cancelled after n cases.</summary>
internal static class GeneratedFolders
{
    /// <summary>Every file below <paramref name="folder"/>, relative and in ordinal order.</summary>
    public static IReadOnlyList<string> Files(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal)];

    /// <summary>Asserts that <paramref name="actual"/> holds the same files as <paramref name="expected"/>, byte for byte.</summary>
    public static void AssertIdentical(string expected, string actual, string because)
    {
        var files = Files(expected);
        Assert.Equal(files, Files(actual));
        foreach (var file in files)
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(expected, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, file))),
                $"{file} differs {because}");
        }
    }

    /// <summary>Starts a generation with <paramref name="options"/> and cancels it once <paramref name="cases"/> cases are done.</summary>
    public static void GenerateAndCancelAfter(SyntheticCohortOptions options, int cases)
    {
        using var cancel = new CancellationTokenSource();
        var seen = 0;
        var stop = new CallbackProgress(_ =>
        {
            if (Interlocked.Increment(ref seen) == cases)
            {
                cancel.Cancel();
            }
        });
        Assert.ThrowsAny<OperationCanceledException>(() => SyntheticCohortGenerator.Generate(options, stop, cancel.Token));
    }
}
