using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using OlnmMl.Imaging.IO;

namespace OlnmMl.Imaging.Preprocessing;

/// <summary>
/// An on-disk cache of <see cref="SliceBag"/>s in <see cref="Directory"/>, one <c>.bag</c> file per
/// <see cref="CaseCacheKey"/> (content hashes of the images read and <see cref="SliceBagOptions.Fingerprint"/>), so an
/// edited image or a changed setting never returns a stale bag. Entries are written atomically
/// (<see cref="DurableFile"/>) and end with the SHA-256 of everything before it: an entry that is truncated, of another
/// shape or whose bytes changed is recomputed and rewritten, never trusted. Thread-safe.
/// </summary>
/// <remarks>
/// Layout (little-endian): magic "OLMB", format version, C, S, n, then n × (plane byte, slice index, mask area), then
/// n·C·S² floats, then 32 bytes of SHA-256.
/// </remarks>
public sealed class SliceBagCache(string directory)
{
    private const int Magic = 0x424D4C4F; // "OLMB"
    private const int FormatVersion = 1;
    private const int HeaderBytes = 5 * sizeof(int);
    private const int InstanceBytes = 1 + 2 * sizeof(int);
    private readonly FileFingerprints _fingerprints = new();

    /// <summary>The cache folder.</summary>
    public string Directory { get; } = directory;

    /// <summary>The cached bag of the case with images <paramref name="images"/> (key → path), computing and storing it on a miss.</summary>
    /// <exception cref="VolumeFormatException">The case's images are unreadable or unusable (see <see cref="SliceBagPreprocessor.Prepare"/>).</exception>
    public SliceBag GetOrPrepare(IReadOnlyDictionary<string, string> images, SliceBagOptions options)
    {
        var file = FileOf(images, options);
        if (TryRead(file, options, out var cached))
        {
            return cached;
        }

        var bag = SliceBagPreprocessor.Prepare(images, options);
        DurableFile.WriteAllBytes(file, Encode(bag));
        return bag;
    }

    /// <summary>The cache file of a case's bag.</summary>
    public string FileOf(IReadOnlyDictionary<string, string> images, SliceBagOptions options) =>
        Path.Combine(Directory, CaseCacheKey.Of(_fingerprints, options.Fingerprint(), options.Channels.Select(c => c.ImageKey), images) + ".bag");

    private static byte[] Encode(SliceBag bag)
    {
        var values = MemoryMarshal.AsBytes(bag.Values.AsSpan());
        var bytes = new byte[HeaderBytes + bag.Count * InstanceBytes + values.Length + SHA256.HashSizeInBytes];
        using (var writer = new BinaryWriter(new MemoryStream(bytes), Encoding.UTF8))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(bag.Channels);
            writer.Write(bag.Size);
            writer.Write(bag.Count);
            foreach (var instance in bag.Instances)
            {
                writer.Write((byte)instance.Plane);
                writer.Write(instance.Index);
                writer.Write(instance.MaskArea);
            }

            writer.Write(values);
        }

        var payload = bytes.Length - SHA256.HashSizeInBytes;
        SHA256.HashData(bytes.AsSpan(0, payload), bytes.AsSpan(payload));
        return bytes;
    }

    private static bool TryRead(string file, SliceBagOptions options, out SliceBag bag)
    {
        bag = null!;
        if (!File.Exists(file))
        {
            return false;
        }

        var bytes = File.ReadAllBytes(file);
        var payload = bytes.Length - SHA256.HashSizeInBytes;
        if (payload < HeaderBytes || !SHA256.HashData(bytes.AsSpan(0, payload)).AsSpan().SequenceEqual(bytes.AsSpan(payload)))
        {
            return false;
        }

        var header = MemoryMarshal.Cast<byte, int>(bytes.AsSpan(0, HeaderBytes));
        var (channels, size, count) = (header[2], header[3], header[4]);
        if (header[0] != Magic || header[1] != FormatVersion || channels != options.InstanceChannels || size != options.Size
            || count < 1 || count > options.MaxInstances
            || payload != HeaderBytes + count * InstanceBytes + (long)count * options.InstanceLength * sizeof(float))
        {
            return false;
        }

        var instances = new SliceInstance[count];
        for (var i = 0; i < count; i++)
        {
            var at = HeaderBytes + i * InstanceBytes;
            instances[i] = new SliceInstance(
                (SlicePlane)bytes[at], BitConverter.ToInt32(bytes, at + 1), BitConverter.ToInt32(bytes, at + 1 + sizeof(int)));
        }

        var values = MemoryMarshal.Cast<byte, float>(bytes.AsSpan(HeaderBytes + count * InstanceBytes, payload - HeaderBytes - count * InstanceBytes)).ToArray();
        bag = new SliceBag(channels, size, instances, values);
        return true;
    }
}
