namespace OlnmMl.Cohorts.Manifest;

/// <summary>A manifest that cannot be parsed; the message names the file, the row or entry, and the problem.</summary>
public sealed class ManifestFormatException : OlnmUserException
{
    /// <summary>Creates the exception; <paramref name="location"/> is e.g. "row 7" or "training[3]" (may be null).</summary>
    public ManifestFormatException(string path, string? location, string problem, Exception? inner = null)
        : base(location is null ? $"{path}: {problem}" : $"{path}, {location}: {problem}", inner)
    {
        Path = path;
        Location = location;
        Problem = problem;
    }

    /// <summary>The manifest file.</summary>
    public string Path { get; }

    /// <summary>Row or entry that failed, when known.</summary>
    public string? Location { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }
}
