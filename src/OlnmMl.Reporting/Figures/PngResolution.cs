using System.Buffers.Binary;
using System.Text;

namespace OlnmMl.Reporting.Figures;

/// <summary>The resolution a PNG declares (its pHYs chunk), which print workflows and journals read as the image's dpi.</summary>
public static class PngResolution
{
    private const double MetresPerInch = 0.0254;
    private const int SignatureAndHeader = 8 + 4 + 4 + 13 + 4; // signature, then IHDR's length, type, data and CRC
    private static readonly uint[] CrcTable = [.. Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }

        return c;
    })];

    /// <summary>
    /// <paramref name="png"/> with a pHYs chunk of <paramref name="dpi"/> in both directions inserted after IHDR (the PNG must
    /// carry none yet, as SkiaSharp's encoder writes none).
    /// </summary>
    /// <exception cref="ArgumentException">The bytes are not a PNG starting with IHDR, or already declare a resolution.</exception>
    public static byte[] Stamp(byte[] png, int dpi)
    {
        ArgumentNullException.ThrowIfNull(png);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dpi);
        if (png.Length < SignatureAndHeader || Encoding.ASCII.GetString(png, 12, 4) != "IHDR")
        {
            throw new ArgumentException("Not a PNG starting with its IHDR chunk.", nameof(png));
        }

        if (Dpi(png) is not null)
        {
            throw new ArgumentException("The PNG already declares its resolution (pHYs).", nameof(png));
        }

        var chunk = new byte[4 + 4 + 9 + 4];
        BinaryPrimitives.WriteInt32BigEndian(chunk, 9);
        Encoding.ASCII.GetBytes("pHYs", chunk.AsSpan(4));
        var perMetre = (uint)Math.Round(dpi / MetresPerInch);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8), perMetre);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(12), perMetre);
        chunk[16] = 1; // unit: the metre
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(17), Crc(chunk.AsSpan(4, 13)));
        return [.. png.AsSpan(0, SignatureAndHeader), .. chunk, .. png.AsSpan(SignatureAndHeader)];
    }

    /// <summary>The horizontal resolution <paramref name="png"/> declares in dots per inch (rounded), or null when it declares none.</summary>
    public static int? Dpi(byte[] png)
    {
        ArgumentNullException.ThrowIfNull(png);
        for (var offset = 8; offset + 12 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = Encoding.ASCII.GetString(png, offset + 4, 4);
            if (type == "pHYs" && png[offset + 16] == 1)
            {
                return (int)Math.Round(BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8)) * MetresPerInch);
            }

            if (type == "IDAT" || type == "IEND")
            {
                return null; // pHYs must come before the image data
            }

            offset += 12 + length;
        }

        return null;
    }

    private static uint Crc(ReadOnlySpan<byte> bytes)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        }

        return c ^ 0xFFFFFFFFu;
    }
}
