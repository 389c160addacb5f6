using OlnmMl.AutoML.Cleanup;

namespace OlnmMl.Workflows.Jobs;

/// <summary>
/// What <c>olnm clean</c> may remove from the main job's folders, all of it regenerated on demand: the caches of
/// a data folder (per cohort: <c>radiomics-cache/</c>, <c>crops/</c> and the per-recipe <c>radiomics-*.csv</c>
/// tables), and the run folders a changed experiment or data set moved aside (<c>NAME.previous-TIME/</c>).
/// </summary>
public static class JobCleanup
{
    /// <summary>The caches under <paramref name="dataDirectory"/> (the cohorts themselves are kept).</summary>
    public static IReadOnlyList<CleanupItem> Caches(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        if (!Directory.Exists(dataDirectory))
        {
            return [];
        }

        return Directory.EnumerateDirectories(dataDirectory).Order(StringComparer.Ordinal).SelectMany(cohort =>
                new[] { "radiomics-cache", "crops" }.Select(name => Path.Combine(cohort, name)).Where(Directory.Exists)
                    .Concat(Directory.EnumerateFiles(cohort, "radiomics-*.csv").Order(StringComparer.Ordinal)))
            .Select(path => DiskCleanup.Item(path, "cache, rebuilt by the next run that needs it"))
            .ToArray();
    }

    /// <summary>The run folders moved aside under <paramref name="reportsDirectory"/>.</summary>
    public static IReadOnlyList<CleanupItem> PreviousRuns(string reportsDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(reportsDirectory);
        return Directory.Exists(reportsDirectory)
            ? Directory.EnumerateDirectories(reportsDirectory, "*.previous-*").Order(StringComparer.Ordinal)
                .Select(path => DiskCleanup.Item(path, "previous run, moved aside when its data or experiment changed")).ToArray()
            : [];
    }
}
