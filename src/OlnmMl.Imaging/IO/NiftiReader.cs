using System.Buffers.Binary;
using OlnmMl.Imaging.Geometry;

namespace OlnmMl.Imaging.IO;

/// <summary>
/// Reads NIfTI-1 single-file volumes (.nii, .nii.gz; magic "n+1"), either byte order, the voxel types of
/// <see cref="VoxelType"/>, with scl_slope/scl_inter applied. The geometry comes from the sform when
/// sform_code &gt; 0, else from the qform when qform_code &gt; 0, else from pixdim alone (NIfTI
/// "method 1"); NIfTI's RAS world frame is converted to LPS (x and y negated).
/// </summary>
public static class NiftiReader
{
    private const int HeaderSize = 348;
    private const int Nifti2HeaderSize = 540;

    /// <summary>Reads the 3D volume at <paramref name="path"/>.</summary>
    /// <exception cref="VolumeFormatException">
    /// Missing, truncated or malformed file; a wrong magic number ("n+1"); a NIfTI-2 file; a non-3D image;
    /// or a gzip stream that inflates beyond the size its header describes (vox_offset + dims × bytes per
    /// voxel), which is refused while inflating, before the excess is read.
    /// </exception>
    public static Volume Read(string path)
    {
        using var stream = CompressedFile.OpenRead(path);
        var header = new byte[HeaderSize];
        var got = CompressedFile.ReadUpTo(path, stream, header);
        if (got >= 4 && (BinaryPrimitives.ReadInt32LittleEndian(header) == Nifti2HeaderSize || BinaryPrimitives.ReadInt32BigEndian(header) == Nifti2HeaderSize))
        {
            throw new VolumeFormatException(path, "is a NIfTI-2 file (sizeof_hdr 540); only NIfTI-1 is read: save it as NIfTI-1 (e.g. nibabel.Nifti1Image)");
        }

        if (got < HeaderSize)
        {
            throw new VolumeFormatException(path, $"file is {got} bytes, shorter than the 348-byte NIfTI-1 header");
        }

        var bigEndian = BinaryPrimitives.ReadInt32LittleEndian(header) != HeaderSize;
        if (bigEndian && BinaryPrimitives.ReadInt32BigEndian(header) != HeaderSize)
        {
            throw new VolumeFormatException(path, "not a NIfTI-1 file (sizeof_hdr is not 348 in either byte order)");
        }

        CheckMagic(path, header);
        var reader = new HeaderReader(header, bigEndian);
        var size = ReadSize(path, reader);
        var code = reader.Int16(70);
        if (!VoxelTypes.IsSupported(code))
        {
            throw new VolumeFormatException(path, $"unsupported NIfTI datatype code {code}");
        }

        var type = (VoxelType)code;
        var offset = (long)reader.Single(108);
        if (offset < HeaderSize)
        {
            offset = HeaderSize + 4; // single files put data at ≥ 352.
        }

        var needed = offset + size.Count * type.ByteSize();
        if (needed > Array.MaxLength)
        {
            throw new VolumeFormatException(path, $"a {size} {type} image needs {needed:N0} bytes, more than one volume may hold ({Array.MaxLength:N0})");
        }

        var bytes = new byte[needed];
        header.CopyTo(bytes, 0);
        var held = HeaderSize + CompressedFile.ReadUpTo(path, stream, bytes.AsSpan(HeaderSize));
        if (held < needed)
        {
            throw new VolumeFormatException(path, $"truncated: a {size} {type} image needs {needed} bytes, the file holds {held}");
        }

        if (CompressedFile.IsGzip(path) && CompressedFile.ReadUpTo(path, stream, stackalloc byte[1]) > 0)
        {
            throw new VolumeFormatException(
                path, $"gzip stream inflates beyond the {needed:N0} bytes its header describes (vox_offset + {size} × {type.ByteSize()} bytes); refused as corrupt or a decompression bomb");
        }

        var slope = reader.Single(112);
        var intercept = reader.Single(116);
        if (slope == 0f || !float.IsFinite(slope))
        {
            slope = 1f;
            intercept = 0f;
        }

        var voxels = new float[size.Count];
        VoxelTypes.Decode(bytes.AsSpan((int)offset), type, bigEndian, slope, float.IsFinite(intercept) ? intercept : 0f, voxels);
        return new Volume(ReadGeometry(path, reader, size), voxels);
    }

    // NIfTI-1 magic at byte 344: "n+1\0" for single files; "ni1\0" is the header of a .hdr/.img pair.
    private static void CheckMagic(string path, ReadOnlySpan<byte> header)
    {
        var magic = header.Slice(344, 4);
        if (magic.SequenceEqual("n+1\0"u8))
        {
            return;
        }

        if (magic.SequenceEqual("ni1\0"u8))
        {
            throw new VolumeFormatException(path, "is the header of a NIfTI-1 .hdr/.img pair (magic \"ni1\"); save it as a single .nii or .nii.gz file");
        }

        var shown = string.Concat(magic.ToArray().Select(b => b is >= 0x20 and < 0x7f ? ((char)b).ToString() : $"\\x{b:x2}"));
        throw new VolumeFormatException(path, $"wrong NIfTI-1 magic \"{shown}\" at byte 344 (expected \"n+1\"); not a NIfTI-1 file");
    }

    private static GridSize ReadSize(string path, HeaderReader reader)
    {
        var rank = reader.Int16(40);
        if (rank is < 1 or > 7)
        {
            throw new VolumeFormatException(path, $"nonsense dimensions: dim[0] = {rank}, expected 1–7");
        }

        Span<int> dims = stackalloc int[7];
        for (var i = 0; i < 7; i++)
        {
            dims[i] = i < rank ? reader.Int16(42 + 2 * i) : 1;
            if (dims[i] < 1)
            {
                throw new VolumeFormatException(path, $"nonsense dimensions: dim[{i + 1}] = {dims[i]}");
            }
        }

        for (var i = 3; i < 7; i++)
        {
            if (dims[i] != 1)
            {
                throw new VolumeFormatException(path, $"a 3D volume was expected, found dim[{i + 1}] = {dims[i]}");
            }
        }

        return new GridSize(dims[0], dims[1], dims[2]);
    }

    private static ImageGeometry ReadGeometry(string path, HeaderReader reader, GridSize size)
    {
        var spacing = new Vec3(Math.Abs(reader.Single(80)), Math.Abs(reader.Single(84)), Math.Abs(reader.Single(88)));
        if (!(spacing.X > 0 && spacing.Y > 0 && spacing.Z > 0) || !double.IsFinite(spacing.Length))
        {
            throw new VolumeFormatException(path, $"nonsense voxel spacing ({spacing.X}, {spacing.Y}, {spacing.Z})");
        }

        if (reader.Int16(254) > 0)
        {
            Span<double> affine = stackalloc double[12];
            for (var i = 0; i < 12; i++)
            {
                affine[i] = reader.Single(280 + 4 * i);
            }

            return NiftiAffine.ToGeometry(path, affine, size);
        }

        if (reader.Int16(252) > 0)
        {
            var qfac = reader.Single(76) < 0 ? -1.0 : 1.0;
            return NiftiAffine.FromQuaternion(
                size,
                spacing,
                reader.Single(256), reader.Single(260), reader.Single(264), qfac,
                new Vec3(reader.Single(268), reader.Single(272), reader.Single(276)));
        }

        return ImageGeometry.AxisAligned(size, spacing);
    }

    private readonly ref struct HeaderReader(ReadOnlySpan<byte> header, bool bigEndian)
    {
        private readonly ReadOnlySpan<byte> _header = header;

        public short Int16(int offset) => bigEndian
            ? BinaryPrimitives.ReadInt16BigEndian(_header[offset..])
            : BinaryPrimitives.ReadInt16LittleEndian(_header[offset..]);

        public float Single(int offset) => bigEndian
            ? BinaryPrimitives.ReadSingleBigEndian(_header[offset..])
            : BinaryPrimitives.ReadSingleLittleEndian(_header[offset..]);
    }
}
