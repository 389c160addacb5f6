namespace OlnmMl.Torch.Weights;

/// <summary>
/// What <see cref="CheckpointLoader.Load"/> did with a file: the network entries it copied, the batch-norm
/// <c>num_batches_tracked</c> counters the file lacked (set to 0, as PyTorch's strict <c>load_state_dict</c> does for
/// files without them), and the file's entries left out by <see cref="StrictLoadOptions.IgnorePrefixes"/>, counted per
/// group (the first segment of the name after <see cref="StrictLoadOptions.StripPrefixes"/>, e.g. <c>decoder1</c>).
/// </summary>
/// <param name="Source">The file.</param>
/// <param name="Loaded">Network entries copied from the file.</param>
/// <param name="DefaultedCounters">Network counters absent from the file, now 0.</param>
/// <param name="IgnoredGroups">Group → number of file entries ignored, ordered by group.</param>
public sealed record CheckpointLoadSummary(string Source, int Loaded, IReadOnlyList<string> DefaultedCounters, IReadOnlyList<KeyValuePair<string, int>> IgnoredGroups)
{
    /// <summary>One line: <c>'path': 123 entries loaded; 2 num_batches_tracked absent (set to 0); ignored 40 file entries: decoder1 (8), out (2)</c>.</summary>
    public override string ToString()
    {
        string line = $"'{Source}': {Loaded} entries loaded";
        if (DefaultedCounters.Count > 0)
        {
            line += $"; {DefaultedCounters.Count} num_batches_tracked absent (set to 0)";
        }
        if (IgnoredGroups.Count > 0)
        {
            line += $"; ignored {IgnoredGroups.Sum(g => g.Value)} file entries: {string.Join(", ", IgnoredGroups.Select(g => $"{g.Key} ({g.Value})"))}";
        }
        return line;
    }
}
