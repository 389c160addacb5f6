using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;

namespace OlnmMl.Imaging.IO;

/// <summary>
/// What identifies a file's content: its full path, size and modification time (cheap to check) and the
/// SHA-256 of its bytes (the identity itself). <see cref="Text"/> is one tab-free field.
/// </summary>
/// <param name="Path">Full path.</param>
/// <param name="Size">Length in bytes.</param>
/// <param name="ModifiedTicks">Last write time, UTC ticks.</param>
/// <param name="Sha256">Hex SHA-256 of the content.</param>
public sealed record FileFingerprint(string Path, long Size, long ModifiedTicks, string Sha256)
{
    /// <summary>"size:ticks:sha256" (the path is stored beside it).</summary>
    public string Text => string.Create(CultureInfo.InvariantCulture, $"{Size}:{ModifiedTicks}:{Sha256}");

    /// <summary>Parses <see cref="Text"/> for <paramref name="path"/>; null when malformed.</summary>
    public static FileFingerprint? Parse(string path, string text)
    {
        var parts = text.Split(':');
        return parts.Length == 3
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && parts[2].Length == 64
            ? new FileFingerprint(path, size, ticks, parts[2])
            : null;
    }
}

/// <summary>
/// Fingerprints files, hashing each one at most once: a known fingerprint (from this process or from a
/// table's key file) whose path, size and modification time still match is reused without reading the file.
/// Thread-safe.
/// </summary>
public sealed class FileFingerprints
{
    private readonly ConcurrentDictionary<string, FileFingerprint> _known = new(StringComparer.Ordinal);

    /// <summary>Remembers <paramref name="fingerprint"/> (e.g. one read back from a key file).</summary>
    public void Remember(FileFingerprint fingerprint) => _known[fingerprint.Path] = fingerprint;

    /// <summary>
    /// The fingerprint of <paramref name="path"/>. A folder (a DICOM series) is fingerprinted by its files: the total
    /// size, the latest write time (of the folder or any file) and the SHA-256 of each file's relative path and hash.
    /// </summary>
    /// <exception cref="VolumeFormatException">The file or folder does not exist or cannot be read.</exception>
    public FileFingerprint Of(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return OfFolder(full);
        }

        var info = new FileInfo(full);
        if (!info.Exists)
        {
            throw new VolumeFormatException(full, "file not found");
        }

        var (size, ticks) = (info.Length, info.LastWriteTimeUtc.Ticks);
        if (_known.TryGetValue(full, out var known) && known.Size == size && known.ModifiedTicks == ticks)
        {
            return known;
        }

        try
        {
            using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            var fingerprint = new FileFingerprint(full, size, ticks, Convert.ToHexStringLower(SHA256.HashData(stream)));
            _known[full] = fingerprint;
            return fingerprint;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new VolumeFormatException(full, $"cannot be read ({e.Message.TrimEnd('.')})", e);
        }
    }

    private FileFingerprint OfFolder(string folder)
    {
        var files = new DirectoryInfo(folder).GetFiles("*", SearchOption.AllDirectories).OrderBy(f => f.FullName, StringComparer.Ordinal).ToList();
        var size = files.Sum(f => f.Length);
        var ticks = files.Select(f => f.LastWriteTimeUtc.Ticks).Append(Directory.GetLastWriteTimeUtc(folder).Ticks).Max();
        if (_known.TryGetValue(folder, out var known) && known.Size == size && known.ModifiedTicks == ticks)
        {
            return known;
        }

        var listing = new System.Text.StringBuilder();
        foreach (var file in files)
        {
            listing.Append(System.IO.Path.GetRelativePath(folder, file.FullName)).Append('\t').Append(Of(file.FullName).Sha256).Append('\n');
        }

        var fingerprint = new FileFingerprint(folder, size, ticks, Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(listing.ToString()))));
        _known[folder] = fingerprint;
        return fingerprint;
    }
}
