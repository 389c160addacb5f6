using OlnmMl.Imaging.IO;
using System.Text;

namespace OlnmMl.Radiomics.Extraction;

/// <summary>What a table row was computed from: the recipe key and the image and mask fingerprints.</summary>
/// <param name="Recipe">The extractor's <see cref="RadiomicsExtractor.RecipeKey"/>.</param>
/// <param name="Image">The image file's fingerprint.</param>
/// <param name="Mask">The mask file's fingerprint.</param>
public sealed record RowKey(string Recipe, FileFingerprint Image, FileFingerprint Mask)
{
    /// <summary>True when both rows come from the same content under the same recipe (paths and times may differ).</summary>
    public bool SameSource(RowKey other) =>
        Recipe == other.Recipe && Image.Sha256 == other.Image.Sha256 && Mask.Sha256 == other.Mask.Sha256;
}

/// <summary>
/// The on-disk state of a batch table: the wide CSV <c>&lt;table&gt;</c> (<c>id,feature…</c>) and its key file
/// <c>&lt;table&gt;.keys</c> (one tab-separated line per row: id, recipe key, image path, image fingerprint, mask
/// path, mask fingerprint). A row counts only when it is complete (ends in a newline), has as many cells as the
/// header, its id appears once, and a key line names it. Open it only while holding the table's <see cref="FileLock"/>.
/// </summary>
internal sealed class BatchTable : IDisposable
{
    private readonly Dictionary<string, string> _rows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RowKey> _keys = new(StringComparer.Ordinal);
    private readonly string _path;
    private readonly string _header;
    private FileStream? _table;
    private FileStream? _keyFile;
    private bool _fresh;

    private BatchTable(string path, string header)
    {
        _path = path;
        _header = header;
    }

    /// <summary>Rows dropped when opening (torn by a kill, glued or short, duplicated) plus those dropped by <see cref="Keep"/>.</summary>
    public int Dropped { get; private set; }

    /// <summary>The key of every intact, keyed row.</summary>
    public IReadOnlyDictionary<string, RowKey> Keys => _keys;

    /// <summary>The header line (<c>id,feature…</c>).</summary>
    public string Header => _header;

    /// <summary>Every intact, keyed row (without its newline) by id; a keyless row is left out, as a rerun would re-extract it.</summary>
    public IEnumerable<(string Id, string Row, RowKey Key)> KeyedRows => _keys.Select(p => (p.Key, _rows[p.Key], p.Value));

    /// <summary>Reads an existing table under the header it was written with; an empty or missing file gives an empty table.</summary>
    public static BatchTable OpenExisting(string path) => Open(path, CompleteLines(path).FirstOrDefault() ?? string.Empty);

    /// <summary>Writes <paramref name="rows"/> under <paramref name="header"/> as a new table and key file, each atomically (<see cref="DurableFile"/>): key file first, so a crash between the two leaves rows that a batch re-extracts, never keys for rows of another table.</summary>
    public static void WriteNew(string path, string header, IEnumerable<(string Id, string Row, RowKey Key)> rows) =>
        Write(path, header, rows.Select(r => (r.Id, r.Row, (RowKey?)r.Key)));

    // Both files, each atomically, key file first; a row without a key gets no key line.
    private static void Write(string path, string header, IEnumerable<(string Id, string Row, RowKey? Key)> rows)
    {
        var (table, keys) = (new StringBuilder(header).Append('\n'), new StringBuilder());
        foreach (var (id, row, key) in rows)
        {
            table.Append(row).Append('\n');
            if (key is not null)
            {
                keys.Append(KeyLine(id, key));
            }
        }

        DurableFile.WriteAllText(path + ".keys", keys.ToString());
        DurableFile.WriteAllText(path, table.ToString());
    }

    /// <summary>Reads the table and its key file; creates neither.</summary>
    /// <exception cref="OlnmUserException">The table's header differs (another recipe wrote it).</exception>
    public static BatchTable Open(string path, string header)
    {
        var table = new BatchTable(path, header);
        var lines = CompleteLines(path);
        if (lines.Count > 0 && lines[0] != header)
        {
            throw new OlnmUserException(path, "was written with a different recipe (its header differs); write to a new file");
        }

        table._fresh = lines.Count == 0;
        var cells = header.Count(ch => ch == ',') + 1;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var id = line[..Math.Max(0, line.IndexOf(','))];
            seen[id] = seen.GetValueOrDefault(id) + 1;
            if (id.Length > 0 && line.Count(ch => ch == ',') + 1 == cells)
            {
                table._rows[id] = line;
            }
        }

        foreach (var (id, count) in seen.Where(p => p.Value > 1))
        {
            table._rows.Remove(id);
        }

        foreach (var line in CompleteLines(path + ".keys"))
        {
            if (ParseKey(line) is { } entry && table._rows.ContainsKey(entry.Id))
            {
                table._keys[entry.Id] = entry.Key;
            }
        }

        table.Dropped = Math.Max(0, lines.Count - 1) - table._rows.Count + (TornLine(path) ? 1 : 0);
        return table;
    }

    /// <summary>
    /// Keeps only the rows for which <paramref name="keep"/> holds, rewriting both files atomically
    /// (<see cref="DurableFile"/>) when anything was dropped or the table is new, then opens them for appending.
    /// </summary>
    public void Keep(Func<string, RowKey?, bool> keep)
    {
        var drop = _rows.Keys.Where(id => !keep(id, _keys.GetValueOrDefault(id))).ToList();
        foreach (var id in drop)
        {
            _rows.Remove(id);
            _keys.Remove(id);
        }

        Dropped += drop.Count;
        if (Dropped > 0 || _fresh || !File.Exists(_path + ".keys"))
        {
            Write(_path, _header, _rows.Select(p => (p.Key, p.Value, _keys.GetValueOrDefault(p.Key))));
        }

        _table = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read);
        _keyFile = new FileStream(_path + ".keys", FileMode.Append, FileAccess.Write, FileShare.Read);
    }

    /// <summary>Appends one row (without its newline) and its key, each as one flushed write: row first, so a kill between the two leaves a keyless row that the next run re-extracts.</summary>
    public void Append(string id, string row, RowKey key)
    {
        _table!.Write(Encoding.UTF8.GetBytes(row + "\n"));
        _table.Flush(flushToDisk: true);
        _keyFile!.Write(Encoding.UTF8.GetBytes(KeyLine(id, key)));
        _keyFile.Flush(flushToDisk: true);
    }

    /// <summary>Closes the files.</summary>
    public void Dispose()
    {
        _table?.Dispose();
        _keyFile?.Dispose();
    }

    private static string KeyLine(string id, RowKey key) =>
        $"{id}\t{key.Recipe}\t{key.Image.Path}\t{key.Image.Text}\t{key.Mask.Path}\t{key.Mask.Text}\n";

    private static (string Id, RowKey Key)? ParseKey(string line)
    {
        var f = line.Split('\t');
        return f.Length == 6 && FileFingerprint.Parse(f[2], f[3]) is { } image && FileFingerprint.Parse(f[4], f[5]) is { } mask
            ? (f[0], new RowKey(f[1], image, mask))
            : null;
    }

    // The file's lines up to its last newline (a torn last line is left out); empty when the file is missing.
    private static List<string> CompleteLines(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var text = File.ReadAllText(path);
        return text[..(text.LastIndexOf('\n') + 1)].Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    private static bool TornLine(string path)
    {
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            return false;
        }

        using var stream = File.OpenRead(path);
        stream.Seek(-1, SeekOrigin.End);
        return stream.ReadByte() != '\n';
    }
}
