using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace OlnmMl.Imaging.IO;

/// <summary>On-disk voxel types (values are the NIfTI-1 datatype codes).</summary>
public enum VoxelType : short
{
    /// <summary>Unsigned 8-bit integer.</summary>
    UInt8 = 2,

    /// <summary>Signed 16-bit integer (the usual CT storage type).</summary>
    Int16 = 4,

    /// <summary>Signed 32-bit integer.</summary>
    Int32 = 8,

    /// <summary>IEEE 32-bit float.</summary>
    Float32 = 16,

    /// <summary>IEEE 64-bit float.</summary>
    Float64 = 64,

    /// <summary>Signed 8-bit integer.</summary>
    Int8 = 256,

    /// <summary>Unsigned 16-bit integer.</summary>
    UInt16 = 512,

    /// <summary>Unsigned 32-bit integer.</summary>
    UInt32 = 768,
}

/// <summary>Size and decoding of <see cref="VoxelType"/> values.</summary>
public static class VoxelTypes
{
    /// <summary>Bytes per voxel of <paramref name="type"/>.</summary>
    public static int ByteSize(this VoxelType type) => type switch
    {
        VoxelType.UInt8 or VoxelType.Int8 => 1,
        VoxelType.Int16 or VoxelType.UInt16 => 2,
        VoxelType.Int32 or VoxelType.UInt32 or VoxelType.Float32 => 4,
        VoxelType.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unsupported voxel type."),
    };

    /// <summary>True for a code this library reads and writes.</summary>
    public static bool IsSupported(short code) => Enum.IsDefined(typeof(VoxelType), code);

    /// <summary>
    /// Decodes <paramref name="target"/>.Length voxels of <paramref name="type"/> from <paramref name="source"/>
    /// as v·slope + intercept. <paramref name="source"/> is byte-swapped in place first when
    /// <paramref name="bigEndian"/> is set.
    /// </summary>
    public static void Decode(
        Span<byte> source, VoxelType type, bool bigEndian, float slope, float intercept, Span<float> target)
    {
        var bytes = source[..(target.Length * type.ByteSize())];
        if (bigEndian)
        {
            SwapBytes(bytes, type.ByteSize());
        }

        switch (type)
        {
            case VoxelType.UInt8: Widen<byte>(bytes, target); break;
            case VoxelType.Int8: Widen<sbyte>(bytes, target); break;
            case VoxelType.Int16: Widen<short>(bytes, target); break;
            case VoxelType.UInt16: Widen<ushort>(bytes, target); break;
            case VoxelType.Int32: Widen<int>(bytes, target); break;
            case VoxelType.UInt32: Widen<uint>(bytes, target); break;
            case VoxelType.Float32: Widen<float>(bytes, target); break;
            case VoxelType.Float64: Widen<double>(bytes, target); break;
            default: throw new ArgumentOutOfRangeException(nameof(type), type, "Unsupported voxel type.");
        }

        if (slope != 1f || intercept != 0f)
        {
            for (var i = 0; i < target.Length; i++)
            {
                target[i] = target[i] * slope + intercept;
            }
        }
    }

    private static void Widen<T>(ReadOnlySpan<byte> source, Span<float> target)
        where T : unmanaged, INumberBase<T>
    {
        var values = MemoryMarshal.Cast<byte, T>(source);
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = float.CreateTruncating(values[i]);
        }
    }

    private static void SwapBytes(Span<byte> bytes, int size)
    {
        switch (size)
        {
            case 2: BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ushort>(bytes), MemoryMarshal.Cast<byte, ushort>(bytes)); break;
            case 4: BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, uint>(bytes), MemoryMarshal.Cast<byte, uint>(bytes)); break;
            case 8: BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ulong>(bytes), MemoryMarshal.Cast<byte, ulong>(bytes)); break;
        }
    }

    /// <summary>Encodes voxels little-endian as <paramref name="type"/>, rounding and clamping for integer types.</summary>
    public static void Encode(ReadOnlySpan<float> source, VoxelType type, Span<byte> target)
    {
        var size = type.ByteSize();
        for (var i = 0; i < source.Length; i++)
        {
            var slot = target.Slice(i * size, size);
            var v = source[i];
            switch (type)
            {
                case VoxelType.UInt8: slot[0] = (byte)Math.Clamp(MathF.Round(v), byte.MinValue, byte.MaxValue); break;
                case VoxelType.Int8: slot[0] = (byte)(sbyte)Math.Clamp(MathF.Round(v), sbyte.MinValue, sbyte.MaxValue); break;
                case VoxelType.Int16: BitConverter.TryWriteBytes(slot, (short)Math.Clamp(MathF.Round(v), short.MinValue, short.MaxValue)); break;
                case VoxelType.UInt16: BitConverter.TryWriteBytes(slot, (ushort)Math.Clamp(MathF.Round(v), ushort.MinValue, ushort.MaxValue)); break;
                case VoxelType.Int32: BitConverter.TryWriteBytes(slot, (int)Math.Clamp(Math.Round((double)v), int.MinValue, int.MaxValue)); break;
                case VoxelType.UInt32: BitConverter.TryWriteBytes(slot, (uint)Math.Clamp(Math.Round((double)v), uint.MinValue, uint.MaxValue)); break;
                case VoxelType.Float32: BitConverter.TryWriteBytes(slot, v); break;
                case VoxelType.Float64: BitConverter.TryWriteBytes(slot, (double)v); break;
                default: throw new ArgumentOutOfRangeException(nameof(type), type, "Unsupported voxel type.");
            }
        }
    }
}
