using System.Runtime.InteropServices;

namespace OlnmMl.Imaging.Dicom;

/// <summary>Decodes native (uncompressed, little endian) greyscale pixels to float: stored value · slope + intercept.</summary>
internal static class DicomPixels
{
    /// <summary>
    /// Decodes <paramref name="target"/>.Length pixels of <paramref name="slice"/> from <paramref name="source"/>: the low
    /// BitsStored bits of each BitsAllocated-bit word, sign-extended when PixelRepresentation is 1, then v·slope + intercept
    /// in single precision (as NIfTI's scl_slope/scl_inter are applied).
    /// </summary>
    public static void Decode(ReadOnlySpan<byte> source, DicomSlice slice, float slope, float intercept, Span<float> target)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("The DICOM reader needs a little-endian machine.");
        }

        var shift = slice.BitsAllocated - slice.BitsStored;
        switch (slice.BitsAllocated, slice.Signed)
        {
            case (8, false): Unsigned(source[..target.Length], 0xFFu >> shift, slope, intercept, target); break;
            case (8, true): Signed8(MemoryMarshal.Cast<byte, sbyte>(source)[..target.Length], shift, slope, intercept, target); break;
            case (16, false): Unsigned16(MemoryMarshal.Cast<byte, ushort>(source)[..target.Length], (ushort)(0xFFFF >> shift), slope, intercept, target); break;
            case (16, true): Signed16(MemoryMarshal.Cast<byte, short>(source)[..target.Length], shift, slope, intercept, target); break;
            case (32, false): Unsigned32(MemoryMarshal.Cast<byte, uint>(source)[..target.Length], 0xFFFF_FFFFu >> shift, slope, intercept, target); break;
            default: Signed32(MemoryMarshal.Cast<byte, int>(source)[..target.Length], shift, slope, intercept, target); break;
        }
    }

    private static void Unsigned(ReadOnlySpan<byte> values, uint mask, float slope, float intercept, Span<float> target)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = (values[i] & mask) * slope + intercept;
        }
    }

    private static void Signed8(ReadOnlySpan<sbyte> values, int shift, float slope, float intercept, Span<float> target)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = ((sbyte)(values[i] << shift) >> shift) * slope + intercept;
        }
    }

    private static void Unsigned16(ReadOnlySpan<ushort> values, ushort mask, float slope, float intercept, Span<float> target)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = (values[i] & mask) * slope + intercept;
        }
    }

    private static void Signed16(ReadOnlySpan<short> values, int shift, float slope, float intercept, Span<float> target)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = ((short)(values[i] << shift) >> shift) * slope + intercept;
        }
    }

    private static void Unsigned32(ReadOnlySpan<uint> values, uint mask, float slope, float intercept, Span<float> target)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = (values[i] & mask) * slope + intercept;
        }
    }

    private static void Signed32(ReadOnlySpan<int> values, int shift, float slope, float intercept, Span<float> target)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = (values[i] << shift >> shift) * slope + intercept;
        }
    }
}
