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

    /// <summary>
    /// What the main job moved aside (<c>NAME.previous-TIME</c>) when its data or experiment changed: run folders under
    /// <paramref name="reportsDirectory"/>, and the study files and artefact folders under <paramref name="studiesDirectory"/>.
    /// </summary>
    public static IReadOnlyList<CleanupItem> PreviousRuns(string reportsDirectory, string studiesDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(reportsDirectory);
        ArgumentException.ThrowIfNullOrEmpty(studiesDirectory);
        return new[] { reportsDirectory, studiesDirectory }.Distinct().Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFileSystemEntries(folder, "*.previous-*").Order(StringComparer.Ordinal))
            .Select(path => DiskCleanup.Item(path, "previous run, moved aside when its data or experiment changed")).ToArray();
    }
}
