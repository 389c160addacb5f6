using System.Buffers.Binary;
using System.Text;

namespace OlnmMl.Imaging.Dicom;

/// <summary>
/// A read position in a DICOM file's bytes (all of them, or the head of a file of <paramref name="fileLength"/> bytes) with
/// the element-header rules of PS3.5 §7.1 and bounds checks.
/// </summary>
internal struct DicomCursor(string path, byte[] bytes, long fileLength, int position)
{
    private const uint Undefined = 0xFFFF_FFFF;

    public int Position { get; private set; } = position;

    public readonly int Length => bytes.Length;

    public long PixelOffset { get; private set; } = -1;

    public long PixelLength { get; private set; } = -1;

    public readonly uint PeekTag()
    {
        Need(4, "an element tag");
        var group = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(Position));
        var element = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(Position + 2));
        return ((uint)group << 16) | element;
    }

    public void Skip(int count)
    {
        Need(count, "a delimiter");
        Position += count;
    }

    /// <summary>Reads a tag, VR (explicit only) and value length; leaves the cursor at the value.</summary>
    public (string? Vr, uint Length) ReadHeader(bool explicitVr)
    {
        var tag = PeekTag();
        if (!explicitVr)
        {
            Need(8, $"the header of {DicomTags.Format(tag)}");
            var implicitLength = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(Position + 4));
            Position += 8;
            return (null, implicitLength);
        }

        Need(8, $"the header of {DicomTags.Format(tag)}");
        var vr = Encoding.ASCII.GetString(bytes, Position + 4, 2);
        if (vr is "OB" or "OD" or "OF" or "OL" or "OV" or "OW" or "SQ" or "SV" or "UC" or "UN" or "UR" or "UT" or "UV")
        {
            Need(12, $"the header of {DicomTags.Format(tag)}");
            var length = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(Position + 8));
            Position += 12;
            return (vr, length);
        }

        var shortLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(Position + 6));
        Position += 8;
        return (vr, shortLength);
    }

    /// <summary>Reads an item or delimiter header (tag and 32-bit length, always implicit).</summary>
    public uint ReadItemHeader()
    {
        Need(8, "an item header");
        var length = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(Position + 4));
        Position += 8;
        return length;
    }

    /// <summary>The position <paramref name="length"/> bytes on, checked against the end of the file.</summary>
    public readonly int End(uint length, uint tag)
    {
        Need(length, $"the value of {DicomTags.Format(tag)}");
        return Position + (int)length;
    }

    /// <summary>Copies the next <paramref name="length"/> bytes (the value of <paramref name="tag"/>) and moves past them.</summary>
    public byte[] Take(uint length, uint tag)
    {
        var end = End(length, tag);
        var value = bytes[Position..end];
        Position = end;
        return value;
    }

    /// <summary>Records the native Pixel Data value at the cursor; encapsulated (undefined length) pixels are refused.</summary>
    public void MarkPixels(uint length, string? vr)
    {
        if (length == Undefined)
        {
            throw Error($"Pixel Data ({vr ?? "implicit"}) is encapsulated (compressed) although the transfer syntax is native");
        }

        if (Position + (long)length > fileLength)
        {
            throw new VolumeFormatException(path, $"truncated DICOM: the Pixel Data needs {length} bytes at byte {Position}, the file has {fileLength}");
        }

        PixelOffset = Position;
        PixelLength = length;
    }

    public readonly VolumeFormatException Error(string problem) => new(path, $"malformed DICOM at byte {Position}: {problem}");

    private readonly void Need(long count, string what)
    {
        if (Position + count <= bytes.Length)
        {
            return;
        }

        if (bytes.Length < fileLength)
        {
            throw new HeadTooShortException();
        }

        throw new VolumeFormatException(path, $"truncated DICOM: {what} needs {count} bytes at byte {Position}, the file has {fileLength}");
    }

    /// <summary>Called where parsing ran out of bytes: fine at the end of the file, a <see cref="HeadTooShortException"/> before it.</summary>
    public readonly void EndOfBytes()
    {
        if (Position >= bytes.Length && bytes.Length < fileLength)
        {
            throw new HeadTooShortException();
        }
    }

    /// <summary>The header goes on past the bytes read so far: parse again from the whole file.</summary>
    public sealed class HeadTooShortException : Exception;
}
