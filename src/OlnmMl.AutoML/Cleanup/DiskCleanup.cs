namespace OlnmMl.AutoML.Cleanup;

/// <summary>Sizes and removes files and folders for <c>olnm clean</c>.</summary>
public static class DiskCleanup
{
    /// <summary>Bytes under <paramref name="path"/>: a file's length, or the sum over a folder's files; 0 when absent.</summary>
    public static long SizeOf(string path)
    {
        if (File.Exists(path))
        {
            return new FileInfo(path).Length;
        }

        return Directory.Exists(path)
            ? new DirectoryInfo(path).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }).Sum(f => f.Length)
            : 0;
    }

    /// <summary>The item for <paramref name="path"/> with its current size.</summary>
    public static CleanupItem Item(string path, string reason) => new(Path.GetFullPath(path), SizeOf(path), reason);

    /// <summary>Removes every item (files and folders, recursively) unless <paramref name="dryRun"/>; returns the items.</summary>
    public static IReadOnlyList<CleanupItem> Remove(IReadOnlyList<CleanupItem> items, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (!dryRun)
        {
            foreach (var item in items)
            {
                if (Directory.Exists(item.Path))
                {
                    Directory.Delete(item.Path, recursive: true);
                }
                else
                {
                    File.Delete(item.Path);
                }
            }
        }

        return items;
    }
}
