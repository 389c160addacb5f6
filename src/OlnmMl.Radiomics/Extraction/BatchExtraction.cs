using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace OlnmMl.Radiomics.Extraction;

/// <summary>Progress of a batch: cases finished (extracted, skipped or failed) out of the total.</summary>
/// <param name="Done">Cases finished so far.</param>
/// <param name="Total">Cases in the batch.</param>
/// <param name="CaseId">The case that just finished.</param>
public readonly record struct BatchProgress(int Done, int Total, string CaseId);

/// <summary>Outcome of a batch.</summary>
/// <param name="Extracted">Rows written by this run.</param>
/// <param name="Skipped">Cases already in the table (from an earlier, possibly killed run).</param>
/// <param name="Warnings">Warnings per extracted case (only cases that raised any).</param>
/// <param name="Errors">Error message per failed case; failed cases get no row, so a rerun retries them.</param>
public sealed record BatchSummary(int Extracted, int Skipped, IReadOnlyDictionary<string, IReadOnlyList<string>> Warnings, IReadOnlyDictionary<string, string> Errors);

/// <summary>
/// Wide feature table, one row per case (<c>id,feature…</c>), extracted in parallel over cases and resumable:
/// each row is appended and flushed as one write, a truncated last line left by a kill is dropped, and
/// cases already present are skipped. Row order follows completion, not the manifest.
/// </summary>
public static class BatchExtraction
{
    /// <summary>Extracts every case not yet in <paramref name="outputPath"/> and appends its row.</summary>
    /// <exception cref="InvalidDataException">The existing table was written with a different recipe (its header differs).</exception>
    public static BatchSummary Run(
        IEnumerable<RadiomicsCase> cases,
        RadiomicsExtractor extractor,
        string outputPath,
        FeatureCache? cache = null,
        int maxParallelism = -1,
        IProgress<BatchProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var all = cases.ToList();
        foreach (var c in all.Where(c => c.Id.Contains(',') || c.Id.Contains('\n')))
        {
            throw new ArgumentException($"Case id '{c.Id}' contains a comma or newline, which the table cannot hold.", nameof(cases));
        }

        var header = "id," + string.Join(',', extractor.FeatureNames);
        var done = PrepareTable(outputPath, header);
        var pending = all.Where(c => !done.Contains(c.Id)).ToList();
        var warnings = new ConcurrentDictionary<string, IReadOnlyList<string>>();
        var errors = new ConcurrentDictionary<string, string>();
        var finished = all.Count - pending.Count;
        var extracted = 0;
        using var output = new FileStream(outputPath, FileMode.Append, FileAccess.Write, FileShare.Read);
        var gate = new object();
        Parallel.ForEach(
            pending,
            new ParallelOptions { MaxDegreeOfParallelism = maxParallelism, CancellationToken = cancellationToken },
            c =>
            {
                try
                {
                    var set = cache is null ? extractor.Extract(c.ImagePath, c.MaskPath) : cache.GetOrExtract(extractor, c.ImagePath, c.MaskPath);
                    var row = new StringBuilder(c.Id);
                    foreach (var f in set.Features)
                    {
                        row.Append(',').Append(f.Value.ToString("R", CultureInfo.InvariantCulture));
                    }

                    var bytes = Encoding.UTF8.GetBytes(row.Append('\n').ToString());
                    lock (gate)
                    {
                        output.Write(bytes);
                        output.Flush(flushToDisk: true);
                    }

                    Interlocked.Increment(ref extracted);
                    if (set.Warnings.Count > 0)
                    {
                        warnings[c.Id] = set.Warnings;
                    }
                }
                catch (Exception e) when (e is OlnmUserException or IOException or InvalidDataException or ArgumentException or UnauthorizedAccessException)
                {
                    errors[c.Id] = e.Message;
                }

                progress?.Report(new BatchProgress(Interlocked.Increment(ref finished), all.Count, c.Id));
            });

        return new BatchSummary(extracted, all.Count - pending.Count, warnings, errors);
    }

    // Writes the header into a new table, or checks it and drops a partial last line; returns the ids present.
    private static HashSet<string> PrepareTable(string path, string header)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            File.WriteAllText(path, header + "\n");
            return ids;
        }

        var text = File.ReadAllText(path);
        var complete = text.LastIndexOf('\n') + 1;
        if (complete < text.Length)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
            stream.SetLength(Encoding.UTF8.GetByteCount(text.AsSpan(0, complete)));
        }

        var lines = text[..complete].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0 || lines[0] != header)
        {
            throw new InvalidDataException($"Feature table '{path}' was written with a different recipe (its header differs); write to a new file.");
        }

        foreach (var line in lines.Skip(1))
        {
            ids.Add(line[..line.IndexOf(',')]);
        }

        return ids;
    }
}
