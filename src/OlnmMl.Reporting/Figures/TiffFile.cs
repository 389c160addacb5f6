using System.Buffers.Binary;

namespace OlnmMl.Reporting.Figures;

/// <summary>
/// A minimal baseline TIFF 6.0 writer (SkiaSharp has no TIFF encoder): little-endian ("II", 42), one image file directory
/// of 12 tags (ImageWidth, ImageLength, BitsPerSample 8,8,8, Compression 1 = none, PhotometricInterpretation 2 = RGB,
/// StripOffsets, SamplesPerPixel 3, RowsPerStrip = height, StripByteCounts, XResolution and YResolution = dpi/1,
/// ResolutionUnit 2 = inch) followed by the pixels as one uncompressed strip of RGB bytes, row by row from the top.
/// Transparent pixels are flattened over white: a figure is printed on paper.
/// </summary>
public static class TiffFile
{
    private const int EntrySize = 12;
    private const int Tags = 12;
    private const int DirectoryOffset = 8;
    private const int DirectorySize = 2 + Tags * EntrySize + 4;
    private const int BitsOffset = DirectoryOffset + DirectorySize;           // three shorts 8, 8, 8
    private const int XResolutionOffset = BitsOffset + 6;                     // two rationals
    private const int PixelOffset = XResolutionOffset + 16;

    /// <summary>The TIFF of <paramref name="width"/>×<paramref name="height"/> pixels given as unpremultiplied RGBA bytes, row by row from the top.</summary>
    /// <exception cref="ArgumentException">The byte count is not width × height × 4.</exception>
    public static byte[] FromRgba(ReadOnlySpan<byte> rgba, int width, int height, int dpi)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dpi);
        if (rgba.Length != width * height * 4)
        {
            throw new ArgumentException($"{rgba.Length} bytes of RGBA for {width}×{height} pixels; expected {width * height * 4}.", nameof(rgba));
        }

        var pixelBytes = width * height * 3;
        var tiff = new byte[PixelOffset + pixelBytes];
        var span = tiff.AsSpan();
        span[0] = (byte)'I';
        span[1] = (byte)'I';
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], 42);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], DirectoryOffset);
        BinaryPrimitives.WriteUInt16LittleEndian(span[DirectoryOffset..], Tags);
        var entry = DirectoryOffset + 2;
        void Entry(ushort tag, ushort type, uint count, uint value)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(entry), tag);
            BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(entry + 2), type);
            BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(entry + 4), count);
            if (type == Short && count == 1)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(entry + 8), (ushort)value);
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(entry + 8), value);
            }

            entry += EntrySize;
        }

        // Entries in ascending tag order, as the specification requires.
        Entry(256, Long, 1, (uint)width);
        Entry(257, Long, 1, (uint)height);
        Entry(258, Short, 3, BitsOffset);
        Entry(259, Short, 1, 1);
        Entry(262, Short, 1, 2);
        Entry(273, Long, 1, PixelOffset);
        Entry(277, Short, 1, 3);
        Entry(278, Long, 1, (uint)height);
        Entry(279, Long, 1, (uint)pixelBytes);
        Entry(282, Rational, 1, XResolutionOffset);
        Entry(283, Rational, 1, XResolutionOffset + 8);
        Entry(296, Short, 1, 2);
        BinaryPrimitives.WriteUInt32LittleEndian(span[entry..], 0); // no next directory
        for (var i = 0; i < 3; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(span[(BitsOffset + 2 * i)..], 8);
        }

        for (var i = 0; i < 2; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span[(XResolutionOffset + 8 * i)..], (uint)dpi);
            BinaryPrimitives.WriteUInt32LittleEndian(span[(XResolutionOffset + 8 * i + 4)..], 1);
        }

        for (var p = 0; p < width * height; p++)
        {
            var alpha = rgba[4 * p + 3];
            for (var c = 0; c < 3; c++)
            {
                // Over white: c·α + 255·(1 − α), rounded.
                span[PixelOffset + 3 * p + c] = (byte)((rgba[4 * p + c] * alpha + 255 * (255 - alpha) + 127) / 255);
            }
        }

        return tiff;
    }

    private const ushort Short = 3, Long = 4, Rational = 5;
}
