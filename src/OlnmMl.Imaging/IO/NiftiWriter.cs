using System.Buffers.Binary;
using System.Text;

namespace OlnmMl.Imaging.IO;

/// <summary>
/// Writes NIfTI-1 single-file volumes (.nii or .nii.gz), little-endian, with both the sform and the
/// qform set (code 1, scanner anatomical) from the volume's geometry, atomically.
/// </summary>
public static class NiftiWriter
{
    /// <summary>Writes <paramref name="volume"/> to <paramref name="path"/> stored as <paramref name="type"/>.</summary>
    public static void Write(Volume volume, string path, VoxelType type = VoxelType.Float32)
    {
        var header = BuildHeader(volume, type);
        var data = new byte[volume.Voxels.Length * type.ByteSize()];
        VoxelTypes.Encode(volume.Voxels, type, data);
        CompressedFile.WriteAtomically(path, stream =>
        {
            stream.Write(header);
            stream.Write(data);
        });
    }

    private static byte[] BuildHeader(Volume volume, VoxelType type)
    {
        var geometry = volume.Geometry;
        var h = new byte[352]; // 348-byte header + 4-byte empty extension flag
        var s = h.AsSpan();
        BinaryPrimitives.WriteInt32LittleEndian(s, 348);
        short[] dim = [3, (short)geometry.Size.X, (short)geometry.Size.Y, (short)geometry.Size.Z, 1, 1, 1, 1];
        for (var i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(s[(40 + 2 * i)..], dim[i]);
        }

        BinaryPrimitives.WriteInt16LittleEndian(s[70..], (short)type);
        BinaryPrimitives.WriteInt16LittleEndian(s[72..], (short)(8 * type.ByteSize()));
        var (b, c, d, qfac) = NiftiAffine.ToQuaternion(geometry);
        float[] pixdim = [(float)qfac, (float)geometry.Spacing.X, (float)geometry.Spacing.Y, (float)geometry.Spacing.Z, 1, 1, 1, 1];
        for (var i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(s[(76 + 4 * i)..], pixdim[i]);
        }

        BinaryPrimitives.WriteSingleLittleEndian(s[108..], 352f); // vox_offset
        BinaryPrimitives.WriteSingleLittleEndian(s[112..], 1f); // scl_slope
        h[123] = 2; // xyzt_units: millimetres
        Encoding.ASCII.GetBytes("OlnmMl").CopyTo(s[148..]);
        BinaryPrimitives.WriteInt16LittleEndian(s[252..], 1); // qform_code
        BinaryPrimitives.WriteInt16LittleEndian(s[254..], 1); // sform_code
        var affine = NiftiAffine.ToAffine(geometry);
        float[] quaternion = [(float)b, (float)c, (float)d, (float)affine[3], (float)affine[7], (float)affine[11]];
        for (var i = 0; i < 6; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(s[(256 + 4 * i)..], quaternion[i]);
        }

        for (var i = 0; i < 12; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(s[(280 + 4 * i)..], (float)affine[i]);
        }

        "n+1\0"u8.CopyTo(s[344..]);
        return h;
    }
}
