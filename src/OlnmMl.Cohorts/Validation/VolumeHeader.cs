using System.Buffers.Binary;
using System.IO.Compression;
using OlnmMl.Imaging.Geometry;
using OlnmMl.Imaging.IO;

namespace OlnmMl.Cohorts.Validation;

/// <summary>
/// The grid of a volume without reading its voxels when that is cheap: a NIfTI-1 file whose sform is set
/// (sform_code &gt; 0) is answered from its 348-byte header (RAS affine → LPS: x and y negated); any other file
/// is read whole through <see cref="VolumeIO"/>.
/// </summary>
public static class VolumeHeader
{
    /// <summary>The geometry of the volume at <paramref name="path"/>.</summary>
    /// <exception cref="Imaging.VolumeFormatException">Missing or malformed file.</exception>
    public static ImageGeometry ReadGeometry(string path)
    {
        var lower = path.ToLowerInvariant();
        if ((lower.EndsWith(".nii", StringComparison.Ordinal) || lower.EndsWith(".nii.gz", StringComparison.Ordinal))
            && TryReadSform(path) is { } geometry)
        {
            return geometry;
        }

        return VolumeIO.Read(path).Geometry;
    }

    private static ImageGeometry? TryReadSform(string path)
    {
        Span<byte> header = stackalloc byte[348];
        try
        {
            using var file = File.OpenRead(path);
            using Stream stream = CompressedFile.IsGzip(path) ? new GZipStream(file, CompressionMode.Decompress) : file;
            stream.ReadExactly(header);
        }
        catch (Exception e) when (e is OlnmUserException or IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return null; // the full reader produces the precise error
        }

        if (BinaryPrimitives.ReadInt32LittleEndian(header) != 348 || BinaryPrimitives.ReadInt16LittleEndian(header[254..]) <= 0)
        {
            return null; // big-endian or qform-only files: let the full reader decide
        }

        var rank = BinaryPrimitives.ReadInt16LittleEndian(header[40..]);
        if (rank != 3)
        {
            return null;
        }

        var size = new GridSize(
            BinaryPrimitives.ReadInt16LittleEndian(header[42..]),
            BinaryPrimitives.ReadInt16LittleEndian(header[44..]),
            BinaryPrimitives.ReadInt16LittleEndian(header[46..]));
        if (size.X < 1 || size.Y < 1 || size.Z < 1)
        {
            return null;
        }

        Span<double> a = stackalloc double[12];
        for (var i = 0; i < 12; i++)
        {
            a[i] = BinaryPrimitives.ReadSingleLittleEndian(header[(280 + 4 * i)..]);
        }

        Span<double> direction = stackalloc double[9];
        Span<double> spacing = stackalloc double[3];
        for (var column = 0; column < 3; column++)
        {
            var length = Math.Sqrt(a[column] * a[column] + a[4 + column] * a[4 + column] + a[8 + column] * a[8 + column]);
            if (!(length > 0) || !double.IsFinite(length))
            {
                return null;
            }

            spacing[column] = length;
            direction[column] = -a[column] / length;
            direction[3 + column] = -a[4 + column] / length;
            direction[6 + column] = a[8 + column] / length;
        }

        return new ImageGeometry(
            size, new Vec3(spacing[0], spacing[1], spacing[2]), new Vec3(-a[3], -a[7], a[11]), new Direction3(direction));
    }
}
