namespace OlnmMl.Cohorts.Manifest;

/// <summary>Reads a manifest by extension: <c>.json</c> → <see cref="DatalistJson"/>, <c>.csv</c> → <see cref="CsvManifest"/>.</summary>
public static class ManifestReader
{
    /// <summary>Reads every case of the manifest at <paramref name="path"/>.</summary>
    /// <exception cref="ManifestFormatException">Unknown extension or a malformed manifest.</exception>
    public static IReadOnlyList<Case> Read(string path)
    {
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return DatalistJson.Read(path);
        }

        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return CsvManifest.Read(path);
        }

        throw new ManifestFormatException(path, null, "unknown manifest format (expected .csv or a .json datalist)");
    }
}
