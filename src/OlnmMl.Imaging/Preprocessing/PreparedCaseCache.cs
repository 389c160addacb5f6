using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using OlnmMl.Imaging.IO;

namespace OlnmMl.Imaging.Preprocessing;

/// <summary>
/// An on-disk cache of <see cref="PreparedCase"/>s in <see cref="Directory"/>, keyed by the SHA-256 of
/// the input files' contents and the <see cref="CropOptions.Fingerprint"/>, so an edited file or a
/// changed setting never returns a stale crop. Entries are written atomically; a damaged entry is
/// recomputed.
/// </summary>
public sealed class PreparedCaseCache(string directory)
{
    private const int Magic = 0x504D4C4F; // "OLMP"
    private const int FormatVersion = 1;

    /// <summary>The cache folder.</summary>
    public string Directory { get; } = directory;

    /// <summary>The cached crop of the case, computing and storing it on a miss.</summary>
    public PreparedCase GetOrPrepare(string imagePath, string maskPath, string? petPath, CropOptions options)
    {
        var file = Path.Combine(Directory, Key(imagePath, maskPath, petPath, options) + ".crop");
        if (TryRead(file, out var cached))
        {
            return cached;
        }

        var prepared = CasePreprocessor.Prepare(imagePath, maskPath, petPath, options);
        CompressedFile.WriteAtomically(file, stream => Write(stream, prepared));
        return prepared;
    }

    /// <summary>The cache key: hex SHA-256 over the files' bytes and the options' fingerprint.</summary>
    public static string Key(string imagePath, string maskPath, string? petPath, CropOptions options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in new[] { imagePath, maskPath, petPath })
        {
            if (path is null)
            {
                hash.AppendData("none"u8);
                continue;
            }

            if (!File.Exists(path))
            {
                throw new VolumeFormatException(path, "file not found");
            }

            hash.AppendData(SHA256.HashData(File.ReadAllBytes(path)));
        }

        hash.AppendData(Encoding.UTF8.GetBytes(options.Fingerprint()));
        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }

    private static void Write(Stream stream, PreparedCase prepared)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(prepared.Edge);
        writer.Write(prepared.Channels.Length);
        foreach (var channel in prepared.Channels.Append(prepared.Mask))
        {
            writer.Write(MemoryMarshal.AsBytes(channel.AsSpan()));
        }
    }

    private static bool TryRead(string file, out PreparedCase prepared)
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
        var voxels = (long)edge * edge * edge;
        if (edge < 1 || channelCount < 1 || reader.BaseStream.Length != 16 + (channelCount + 1) * voxels * sizeof(float))
        {
            return false;
        }

        var arrays = new float[channelCount + 1][];
        for (var c = 0; c <= channelCount; c++)
        {
            arrays[c] = new float[voxels];
            reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(arrays[c].AsSpan()));
        }

        prepared = new PreparedCase(edge, arrays[..channelCount], arrays[channelCount]);
        return true;
    }
}
