using OlnmMl.Imaging.IO;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using OlnmMl.Imaging;

namespace OlnmMl.Radiomics.Extraction;

/// <summary>Progress of a batch: cases finished (extracted, skipped or failed) out of the total.</summary>
/// <param name="Done">Cases finished so far.</param>
/// <param name="Total">Cases in the batch.</param>
/// <param name="CaseId">The case that just finished.</param>
public readonly record struct BatchProgress(int Done, int Total, string CaseId);

/// <summary>Outcome of a batch.</summary>
/// <param name="Extracted">Rows written by this run.</param>
/// <param name="Skipped">Cases already in the table from the same image, mask and recipe.</param>
/// <param name="Dropped">Rows removed from the table: torn by a kill, malformed, duplicated, or stale (their case's files or recipe changed).</param>
/// <param name="Warnings">Warnings per extracted case (only cases that raised any).</param>
/// <param name="Failures">Cases that failed, by id; they get no row (a rerun retries them) and are listed in <see cref="BatchFailure.ListPath"/>.</param>
public sealed record BatchSummary(int Extracted, int Skipped, int Dropped, IReadOnlyDictionary<string, IReadOnlyList<string>> Warnings, IReadOnlyList<BatchFailure> Failures);

/// <summary>
/// Wide feature table, one row per case (<c>id,feature…</c>), extracted in parallel over cases and resumable.
/// The whole batch holds an exclusive <see cref="FileLock"/> on the table, so two batches (two processes) never
/// write it at once. Rows are keyed by (id, image fingerprint, mask fingerprint, recipe key) in the table's key
/// file (<see cref="BatchTable"/>): a row is reused only when its case's files and the recipe are unchanged;
/// torn, malformed, duplicated and stale rows are dropped and re-extracted. A case that fails (bad input, see
/// <see cref="RadiomicsExtractor.Extract(string, string)"/>) is recorded and the batch goes on. Row order
/// follows completion, not the manifest.
/// </summary>
public static class BatchExtraction
{
    /// <summary>Extracts every case whose row is missing or stale in <paramref name="outputPath"/> and appends its row.</summary>
    /// <param name="cases">The cases (ids unique, without comma, tab or newline).</param>
    /// <param name="extractor">The extractor (recipe and input options).</param>
    /// <param name="outputPath">The table.</param>
    /// <param name="cache">Optional cross-table feature cache.</param>
    /// <param name="maxParallelism">Cases in parallel (-1 = one per processor).</param>
    /// <param name="lockWait">How long to wait for another batch holding the table.</param>
    /// <param name="progress">Progress per finished case.</param>
    /// <param name="cancellationToken">Stops the batch between cases.</param>
    /// <exception cref="OlnmUserException">
    /// A bad case id; another live process holds the table past <paramref name="lockWait"/> (the message names it);
    /// the existing table was written with a different recipe (its header differs).
    /// </exception>
    public static BatchSummary Run(
        IEnumerable<RadiomicsCase> cases,
        RadiomicsExtractor extractor,
        string outputPath,
        FeatureCache? cache = null,
        int maxParallelism = -1,
        TimeSpan lockWait = default,
        IProgress<BatchProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var all = cases.ToList();
        CheckIds(all);
        using var held = FileLock.Acquire(outputPath, "radiomics batch", lockWait);
        using var table = BatchTable.Open(outputPath, "id," + string.Join(',', extractor.FeatureNames));
        var fingerprints = new FileFingerprints();
        foreach (var key in table.Keys.Values)
        {
            fingerprints.Remember(key.Image);
            fingerprints.Remember(key.Mask);
        }

        var failures = new ConcurrentBag<BatchFailure>();
        var keys = new RowKey?[all.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxParallelism, CancellationToken = cancellationToken };
        Parallel.For(0, all.Count, options, i => keys[i] = Guard(all[i], failures, () => new RowKey(extractor.RecipeKey, fingerprints.Of(all[i].ImagePath), fingerprints.Of(all[i].MaskPath))));
        var wanted = new Dictionary<string, RowKey?>(StringComparer.Ordinal);
        for (var i = 0; i < all.Count; i++)
        {
            wanted[all[i].Id] = keys[i];
        }

        table.Keep((id, stored) => !wanted.TryGetValue(id, out var key) || (key is not null && stored is not null && stored.SameSource(key)));
        var pending = Enumerable.Range(0, all.Count).Where(i => keys[i] is not null && !table.Keys.ContainsKey(all[i].Id)).ToList();
        var skipped = all.Count(c => table.Keys.ContainsKey(c.Id));
        var warnings = new ConcurrentDictionary<string, IReadOnlyList<string>>();
        var finished = all.Count - pending.Count;
        var extracted = 0;
        var gate = new object();
        Parallel.ForEach(pending, options, i =>
        {
            var c = all[i];
            var set = Guard(c, failures, () => cache is null ? extractor.Extract(c.ImagePath, c.MaskPath) : cache.GetOrExtract(extractor, c.ImagePath, c.MaskPath, keys[i]!));
            if (set is not null)
            {
                var row = new StringBuilder(c.Id);
                foreach (var f in set.Features)
                {
                    row.Append(',').Append(f.Value.ToString("R", CultureInfo.InvariantCulture));
                }

                lock (gate)
                {
                    table.Append(c.Id, row.ToString(), keys[i]!);
                }

                Interlocked.Increment(ref extracted);
                if (set.Warnings.Count > 0)
                {
                    warnings[c.Id] = set.Warnings;
                }
            }

            progress?.Report(new BatchProgress(Interlocked.Increment(ref finished), all.Count, c.Id));
        });

        var failed = failures.OrderBy(f => f.Id, StringComparer.Ordinal).ToList();
        BatchFailure.WriteList(outputPath, failed);
        return new BatchSummary(extracted, skipped, table.Dropped, warnings, failed);
    }

    // Runs one case's step; a user error (bad input) is recorded against the case and gives null.
    private static T? Guard<T>(RadiomicsCase c, ConcurrentBag<BatchFailure> failures, Func<T> step)
        where T : class
    {
        try
        {
            return step();
        }
        catch (VolumeFormatException e)
        {
            failures.Add(new BatchFailure(c.Id, e.Path, e.Problem));
        }
        catch (OlnmUserException e)
        {
            failures.Add(new BatchFailure(c.Id, e.FilePath ?? c.ImagePath, e.Message));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException)
        {
            failures.Add(new BatchFailure(c.Id, c.ImagePath, e.Message));
        }

        return null;
    }

    private static void CheckIds(List<RadiomicsCase> cases)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in cases)
        {
            if (c.Id.Length == 0 || c.Id.AsSpan().IndexOfAny(",\t\n\r") >= 0)
            {
                throw new OlnmUserException($"case id '{c.Id}' is empty or contains a comma, tab or newline, which the radiomics table cannot hold");
            }

            if (!seen.Add(c.Id))
            {
                throw new OlnmUserException($"case id '{c.Id}' appears twice in the batch");
            }
        }
    }
}
