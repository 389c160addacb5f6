using System.Globalization;

namespace OlnmMl.Radiomics.Extraction;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/> of a radiomics batch (<c>--shard i/n</c>, 1 ≤ i ≤ n). The cases are
/// sorted by id (ordinal) and dealt round-robin: the case at 0-based position k of that order belongs to shard
/// <c>k mod n + 1</c>, so the shards differ in size by at most one case and the assignment depends only on the set of
/// case ids, never on manifest order or on the machine. Shard i of n writes the table <see cref="TablePath"/>.
/// </summary>
public readonly record struct BatchShard(int Index, int Count)
{
    /// <summary>Parses <c>i/n</c>.</summary>
    /// <exception cref="OlnmUserException">The text is not two integers with 1 ≤ i ≤ n.</exception>
    public static BatchShard Parse(string text)
    {
        var parts = text.Split('/');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && index >= 1 && index <= count
                ? new BatchShard(index, count)
                : throw new OlnmUserException($"--shard is '{text}'; expected i/n with 1 ≤ i ≤ n, e.g. 2/4");
    }

    /// <summary>The cases of this shard, in the order given.</summary>
    public IReadOnlyList<T> Select<T>(IReadOnlyList<T> cases, Func<T, string> id)
    {
        var shard = this;
        var members = cases.Select(id).Order(StringComparer.Ordinal)
            .Where((_, position) => position % shard.Count == shard.Index - 1)
            .ToHashSet(StringComparer.Ordinal);
        return cases.Where(c => members.Contains(id(c))).ToArray();
    }

    /// <summary>
    /// The table of this shard for the merged table <paramref name="outputPath"/>: <c>features.csv</c> →
    /// <c>features.shard-2-of-4.csv</c> in the same folder.
    /// </summary>
    public string TablePath(string outputPath) => Path.Combine(
        Path.GetDirectoryName(outputPath) ?? string.Empty,
        $"{Path.GetFileNameWithoutExtension(outputPath)}.shard-{Index}-of-{Count}{Path.GetExtension(outputPath)}");

    /// <summary>The table a batch writes for <paramref name="outputPath"/>: the shard's table, or the output itself when unsharded.</summary>
    public static string TableFor(BatchShard? shard, string outputPath) => shard?.TablePath(outputPath) ?? outputPath;

    /// <inheritdoc />
    public override string ToString() => $"{Index}/{Count}";
}
