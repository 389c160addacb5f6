using System.Globalization;
using System.IO.Compression;
using System.Text;
using OlnmMl.Imaging.Geometry;

namespace OlnmMl.Imaging.IO;

/// <summary>
/// Reads 3D NRRD volumes (.nrrd with attached data, or .nhdr with a detached "data file"), raw or
/// gzip encoding, either endianness. Geometry comes from "space directions" and "space origin"
/// (converted to LPS when the space is RAS), or from "spacings" when no space is given.
/// </summary>
public static class NrrdReader
{
    /// <summary>Reads the volume at <paramref name="path"/>.</summary>
    /// <exception cref="VolumeFormatException">Missing file, malformed header, unsupported encoding or truncated data.</exception>
    public static Volume Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new VolumeFormatException(path, "file not found");
        }

        var bytes = File.ReadAllBytes(path);
        var (fields, dataStart) = ParseHeader(path, bytes);
        var size = ParseSize(path, fields);
        var type = ParseType(path, Field(path, fields, "type"));
        var encoding = fields.GetValueOrDefault("encoding", "raw").ToLowerInvariant();
        var payload = fields.TryGetValue("data file", out var dataFile)
            ? File.ReadAllBytes(ResolveDataFile(path, dataFile))
            : bytes[dataStart..];
        var needed = size.Count * type.ByteSize();
        if (needed > Array.MaxLength)
        {
            throw new VolumeFormatException(path, $"a {size} {type} image needs {needed:N0} bytes, more than one volume may hold ({Array.MaxLength:N0})");
        }

        var raw = encoding switch
        {
            "raw" => payload,
            "gzip" or "gz" => Gunzip(path, payload, (int)needed),
            _ => throw new VolumeFormatException(path, $"unsupported NRRD encoding '{encoding}' (raw and gzip are supported)"),
        };
        if (raw.LongLength < needed)
        {
            throw new VolumeFormatException(path, $"truncated: a {size} {type} image needs {needed} bytes of data, found {raw.LongLength}");
        }

        var skip = raw.LongLength - needed; // NRRD data is right-aligned when headers are padded.
        var bigEndian = fields.GetValueOrDefault("endian", "little").Equals("big", StringComparison.OrdinalIgnoreCase);
        var voxels = new float[size.Count];
        VoxelTypes.Decode(raw.AsSpan((int)skip), type, bigEndian && type.ByteSize() > 1, 1f, 0f, voxels);
        return new Volume(ParseGeometry(path, fields, size), voxels);
    }

    private static (Dictionary<string, string> Fields, int DataStart) ParseHeader(string path, byte[] bytes)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var position = 0;
        var first = true;
        while (position < bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', position);
            if (end < 0)
            {
                end = bytes.Length;
            }

            var line = Encoding.ASCII.GetString(bytes, position, end - position).TrimEnd('\r');
            position = end + 1;
            if (first)
            {
                if (!line.StartsWith("NRRD", StringComparison.Ordinal))
                {
                    throw new VolumeFormatException(path, "not a NRRD file (missing the NRRD magic line)");
                }

                first = false;
                continue;
            }

            if (line.Length == 0)
            {
                return (fields, position);
            }

            if (line.StartsWith('#'))
            {
                continue;
            }

            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon > 0)
            {
                fields[line[..colon].Trim()] = line[(colon + 2)..].Trim();
            }
        }

        if (fields.ContainsKey("data file"))
        {
            return (fields, bytes.Length);
        }

        throw new VolumeFormatException(path, "NRRD header has no blank line before the data");
    }

    private static string Field(string path, Dictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value) ? value : throw new VolumeFormatException(path, $"NRRD header lacks the '{name}' field");

    private static GridSize ParseSize(string path, Dictionary<string, string> fields)
    {
        var dimension = Field(path, fields, "dimension");
        var sizes = Field(path, fields, "sizes").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (dimension != "3" || sizes.Length != 3)
        {
            throw new VolumeFormatException(path, $"a 3D NRRD was expected, found dimension {dimension} with sizes '{string.Join(' ', sizes)}'");
        }

        var n = sizes.Select(s => int.TryParse(s, CultureInfo.InvariantCulture, out var v) ? v : -1).ToArray();
        if (n.Any(v => v < 1))
        {
            throw new VolumeFormatException(path, $"nonsense sizes '{string.Join(' ', sizes)}'");
        }

        return new GridSize(n[0], n[1], n[2]);
    }

    private static VoxelType ParseType(string path, string type) => type.ToLowerInvariant() switch
    {
        "uchar" or "unsigned char" or "uint8" or "uint8_t" => VoxelType.UInt8,
        "signed char" or "int8" or "int8_t" => VoxelType.Int8,
        "short" or "short int" or "signed short" or "signed short int" or "int16" or "int16_t" => VoxelType.Int16,
        "ushort" or "unsigned short" or "unsigned short int" or "uint16" or "uint16_t" => VoxelType.UInt16,
        "int" or "signed int" or "int32" or "int32_t" => VoxelType.Int32,
        "uint" or "unsigned int" or "uint32" or "uint32_t" => VoxelType.UInt32,
        "float" => VoxelType.Float32,
        "double" => VoxelType.Float64,
        _ => throw new VolumeFormatException(path, $"unsupported NRRD type '{type}'"),
    };

    private static ImageGeometry ParseGeometry(string path, Dictionary<string, string> fields, GridSize size)
    {
        if (!fields.TryGetValue("space directions", out var directionsText))
        {
            var spacing = fields.TryGetValue("spacings", out var spacings) ? ParseNumbers(path, spacings, 3) : [1, 1, 1];
            return ImageGeometry.AxisAligned(size, new Vec3(spacing[0], spacing[1], spacing[2]));
        }

        var vectors = directionsText.Split(')', StringSplitOptions.RemoveEmptyEntries)
            .Select(v => v.Trim().TrimStart('('))
            .Where(v => v.Length > 0)
            .Select(v => ParseNumbers(path, v.Replace(',', ' '), 3))
            .ToArray();
        if (vectors.Length != 3)
        {
            throw new VolumeFormatException(path, $"'space directions' needs 3 vectors, found {vectors.Length}");
        }

        var space = fields.GetValueOrDefault("space", "left-posterior-superior").ToLowerInvariant();
        var flip = space is "right-anterior-superior" or "ras" ? -1.0 : 1.0;
        var origin = fields.TryGetValue("space origin", out var originText)
            ? ParseNumbers(path, originText.Trim('(', ')').Replace(',', ' '), 3)
            : [0, 0, 0];
        Span<double> direction = stackalloc double[9];
        var spacingOut = new double[3];
        for (var axis = 0; axis < 3; axis++)
        {
            var v = vectors[axis];
            var length = Math.Sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
            if (!(length > 0))
            {
                throw new VolumeFormatException(path, $"'space directions' vector {axis} has zero length");
            }

            spacingOut[axis] = length;
            direction[axis] = flip * v[0] / length;
            direction[3 + axis] = flip * v[1] / length;
            direction[6 + axis] = v[2] / length;
        }

        return new ImageGeometry(
            size,
            new Vec3(spacingOut[0], spacingOut[1], spacingOut[2]),
            new Vec3(flip * origin[0], flip * origin[1], origin[2]),
            new Direction3(direction));
    }

    private static double[] ParseNumbers(string path, string text, int count)
    {
        var parts = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var values = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
            {
                throw new VolumeFormatException(path, $"cannot parse number '{parts[i]}' in '{text}'");
            }
        }

        return values.Length == count ? values : throw new VolumeFormatException(path, $"expected {count} numbers in '{text}'");
    }

    private static string ResolveDataFile(string path, string dataFile)
    {
        var resolved = Path.IsPathRooted(dataFile) ? dataFile : Path.Combine(Path.GetDirectoryName(path) ?? ".", dataFile);
        return File.Exists(resolved) ? resolved : throw new VolumeFormatException(path, $"detached data file '{resolved}' not found");
    }

    // Inflates at most `needed` bytes (the header's sizes × bytes per voxel); more data is refused before it is inflated.
    private static byte[] Gunzip(string path, byte[] payload, int needed)
    {
        try
        {
            using var gzip = new GZipStream(new MemoryStream(payload), CompressionMode.Decompress);
            var buffer = new byte[needed];
            var got = gzip.ReadAtLeast(buffer, needed, throwOnEndOfStream: false);
            if (got == needed && gzip.ReadAtLeast(stackalloc byte[1], 1, throwOnEndOfStream: false) > 0)
            {
                throw new VolumeFormatException(path, $"gzip data inflates beyond the {needed:N0} bytes its header describes (sizes × bytes per voxel); refused as corrupt or a decompression bomb");
            }

            return got == needed ? buffer : buffer[..got];
        }
        catch (InvalidDataException e)
        {
            throw new VolumeFormatException(path, "corrupt or truncated gzip data", e);
        }
    }
}
