namespace OlnmMl.AutoML.Cleanup;

/// <summary>A file or folder that <c>olnm clean</c> removes (or, in a dry run, would remove).</summary>
/// <param name="Path">Its full path.</param>
/// <param name="Bytes">Bytes it occupies (for a folder, the sum of its files).</param>
/// <param name="Reason">Why it may go, e.g. "trial 12 is not among the best 3".</param>
public sealed record CleanupItem(string Path, long Bytes, string Reason);
