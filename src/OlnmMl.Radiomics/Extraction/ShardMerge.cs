namespace OlnmMl.Radiomics.Extraction;

/// <summary>Outcome of a merge: rows written and the shard tables read.</summary>
/// <param name="Rows">Rows in the merged table (one per manifest case).</param>
/// <param name="Shards">The shard tables read, shard 1 first (a shard with no case may have none).</param>
public sealed record MergeSummary(int Rows, IReadOnlyList<string> Shards);

/// <summary>
/// <c>olnm radiomics merge</c>: combines the tables of <c>olnm radiomics batch --shard i/n</c> (i = 1…n, named by
/// <see cref="BatchShard.TablePath"/>) into one batch table with its key file, rows in manifest order. Only intact,
/// keyed rows count (as in a resumed batch). It refuses, with one line and writing nothing, unless every manifest case
/// has exactly one row over all shards, no shard holds a case outside the manifest, and every shard has the same
/// header (feature columns) and recipe key (settings) as the first shard that has rows. Each shard table and the
/// merged table are locked (<see cref="FileLock"/>) for the whole merge, so a shard still being extracted is refused.
/// The merged table is written atomically (<see cref="DurableFile"/>); a batch on it resumes with every row done.
/// </summary>
public static class ShardMerge
{
    private const int NamedCases = 10;

    /// <summary>Merges the <paramref name="shardCount"/> shard tables of <paramref name="outputPath"/> into it.</summary>
    /// <param name="caseIds">The manifest's case ids, in manifest order.</param>
    /// <param name="outputPath">The merged table (its shards are <c>&lt;name&gt;.shard-i-of-n&lt;ext&gt;</c> beside it).</param>
    /// <param name="shardCount">n, the number of shards the batch was split into.</param>
    /// <exception cref="OlnmUserException">
    /// A case missing (the message names them and any missing shard file), a case in two shards or outside the
    /// manifest, a shard with other feature columns or settings (naming the file), a table in use by another process.
    /// </exception>
    public static MergeSummary Run(IReadOnlyList<string> caseIds, string outputPath, int shardCount)
    {
        if (shardCount < 1)
        {
            throw new OlnmUserException($"--shards is {shardCount}; expected the n of the batches' --shard i/n (at least 1)");
        }

        var paths = Enumerable.Range(1, shardCount).Select(i => new BatchShard(i, shardCount).TablePath(outputPath)).ToArray();
        var locks = new List<FileLock>();
        try
        {
            locks.Add(FileLock.Acquire(outputPath, "radiomics merge"));
            locks.AddRange(paths.Where(File.Exists).Select(p => FileLock.Acquire(p, "radiomics merge")));
            var rows = Collect(caseIds, paths);
            BatchTable.WriteNew(outputPath, rows.Header, caseIds.Select(id => rows.ById[id]));
            return new MergeSummary(caseIds.Count, paths.Where(File.Exists).ToArray());
        }
        finally
        {
            locks.ForEach(l => l.Dispose());
        }
    }

    // The keyed rows of every shard by case id, checked for completeness and consistency.
    private static (string Header, Dictionary<string, (string Id, string Row, RowKey Key)> ById) Collect(IReadOnlyList<string> caseIds, string[] paths)
    {
        var manifest = caseIds.ToHashSet(StringComparer.Ordinal);
        var byId = new Dictionary<string, (string Id, string Row, RowKey Key)>(StringComparer.Ordinal);
        var source = new Dictionary<string, string>(StringComparer.Ordinal);
        (string Path, string Header, string Recipe)? reference = null;
        foreach (var path in paths.Where(File.Exists))
        {
            using var table = BatchTable.OpenExisting(path);
            var rows = table.KeyedRows.ToArray();
            if (rows.Length == 0)
            {
                continue;
            }

            reference ??= (path, table.Header, rows[0].Key.Recipe);
            if (table.Header != reference.Value.Header)
            {
                throw new OlnmUserException(path, $"has other feature columns than {reference.Value.Path}; extract every shard with the same settings");
            }

            if (rows.FirstOrDefault(r => r.Key.Recipe != reference.Value.Recipe) is { Id: not null } other)
            {
                throw new OlnmUserException(path, $"was extracted with other settings than {reference.Value.Path} (case '{other.Id}': recipe {other.Key.Recipe}, not {reference.Value.Recipe}); extract every shard with the same settings");
            }

            foreach (var row in rows)
            {
                if (!manifest.Contains(row.Id))
                {
                    throw new OlnmUserException(path, $"holds case '{row.Id}', which is not in the manifest; merge shards of this manifest only");
                }

                if (!source.TryAdd(row.Id, path))
                {
                    throw new OlnmUserException(path, $"holds case '{row.Id}', which {source[row.Id]} holds too; each case must be in one shard");
                }

                byId[row.Id] = row;
            }
        }

        var missing = caseIds.Where(id => !byId.ContainsKey(id)).ToArray();
        if (missing.Length > 0)
        {
            var absent = paths.Where(p => !File.Exists(p)).ToArray();
            var files = absent.Length == 0 ? string.Empty : $" (missing shard file(s): {string.Join(", ", absent)})";
            var more = missing.Length > NamedCases ? $" and {missing.Length - NamedCases} more" : string.Empty;
            throw new OlnmUserException(
                $"{missing.Length} case(s) of the manifest have no row in any shard: {string.Join(", ", missing.Take(NamedCases))}{more}{files}; "
                + "run (or rerun, it resumes) the batch of their shard, then merge again");
        }

        return (reference?.Header ?? throw new OlnmUserException("no shard table has a row to merge"), byId);
    }
}
