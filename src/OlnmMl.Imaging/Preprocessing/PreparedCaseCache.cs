using System.Runtime.InteropServices;
using System.Text;
using OlnmMl.Imaging.IO;

namespace OlnmMl.Imaging.Preprocessing;

/// <summary>
/// An on-disk cache of <see cref="PreparedCase"/>s in <see cref="Directory"/>, keyed by the SHA-256 of
/// the input files' contents and the recipe's <see cref="CropOptions.Fingerprint"/>, so an edited file or a
/// changed setting never returns a stale crop. A file's hash is computed once per (path, size, modification time)
/// (<see cref="FileFingerprints"/>), not on every lookup. Entries are written atomically; a damaged entry is
/// recomputed.
/// </summary>
public sealed class PreparedCaseCache(string directory)
{
    private const int Magic = 0x504D4C4F; // "OLMP"
    private const int FormatVersion = 2;
    private readonly FileFingerprints _fingerprints = new();

    /// <summary>The cache folder.</summary>
    public string Directory { get; } = directory;

    /// <summary>The cached crop of the case with images <paramref name="images"/> (key → path), computing and storing it on a miss.</summary>
    public PreparedCase GetOrPrepare(IReadOnlyDictionary<string, string> images, CropOptions options)
    {
        var file = Path.Combine(Directory, Key(images, options) + ".crop");
        if (TryRead(file, options, out var cached))
        {
            return cached;
        }

        var prepared = CasePreprocessor.Prepare(images, options);
        CompressedFile.WriteAtomically(file, stream => Write(stream, prepared));
        return prepared;
    }

    /// <summary>The cached crop of a CT + mask (+ PET) case; see <see cref="CasePreprocessor.Prepare(string, string, string?, CropOptions)"/>.</summary>
    public PreparedCase GetOrPrepare(string imagePath, string maskPath, string? petPath, CropOptions options) =>
        GetOrPrepare(CasePreprocessor.ImagesOf(imagePath, maskPath, petPath), CasePreprocessor.WithPet(options, petPath));

    /// <summary>The cache key: hex SHA-256 over the recipe's fingerprint and the content hashes of the images it reads.</summary>
    public string Key(IReadOnlyDictionary<string, string> images, CropOptions options) =>
        CaseCacheKey.Of(_fingerprints, options.Fingerprint(), options.Channels.Select(c => c.ImageKey), images);

    private static void Write(Stream stream, PreparedCase prepared)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(prepared.Edge);
        writer.Write(prepared.Channels.Length);
        writer.Write(string.Join('\n', prepared.ChannelKeys));
        foreach (var channel in prepared.Channels.Append(prepared.Mask))
        {
            writer.Write(MemoryMarshal.AsBytes(channel.AsSpan()));
        }
    }

    private static bool TryRead(string file, CropOptions options, out PreparedCase prepared)
    {
        prepared = null!;
        if (!File.Exists(file))
        {
            return false;
        }

        using var reader = new BinaryReader(File.OpenRead(file));
        if (reader.BaseStream.Length < 16 || reader.ReadInt32() != Magic || reader.ReadInt32() != FormatVersion)
        {
            return false;
        }

        var edge = reader.ReadInt32();
        var channelCount = reader.ReadInt32();
        string[] keys;
        try
        {
            keys = reader.ReadString().Split('\n');
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException)
        {
            return false; // damaged entry: recomputed
        }

        var header = reader.BaseStream.Position;
        var voxels = (long)edge * edge * edge;
        if (edge != options.Edge || channelCount != options.Channels.Count || !keys.SequenceEqual(options.ChannelKeys)
            || reader.BaseStream.Length != header + (channelCount + 1) * voxels * sizeof(float))
        {
            return false;
        }

        var arrays = new float[channelCount + 1][];
        for (var c = 0; c <= channelCount; c++)
        {
            arrays[c] = new float[voxels];
            reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(arrays[c].AsSpan()));
        }

        prepared = new PreparedCase(edge, keys, arrays[..channelCount], arrays[channelCount]);
        return true;
    }
}
