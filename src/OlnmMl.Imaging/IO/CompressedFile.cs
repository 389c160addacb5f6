using System.IO.Compression;

namespace OlnmMl.Imaging.IO;

/// <summary>Reads whole files, gunzipping those whose name ends in .gz; writes atomically.</summary>
public static class CompressedFile
{
    /// <summary>True when <paramref name="path"/> names a gzip file (by extension).</summary>
    public static bool IsGzip(string path) => path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);

    /// <summary>All bytes of <paramref name="path"/>, decompressed when it is gzip.</summary>
    /// <exception cref="VolumeFormatException">The file is missing or its gzip stream is corrupt or truncated.</exception>
    public static byte[] ReadAllBytes(string path)
    {
        if (!File.Exists(path))
        {
            throw new VolumeFormatException(path, "file not found");
        }

        if (!IsGzip(path))
        {
            return File.ReadAllBytes(path);
        }

        try
        {
            using var file = File.OpenRead(path);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var buffer = new MemoryStream(capacity: (int)Math.Min(int.MaxValue / 2, file.Length * 4));
            gzip.CopyTo(buffer);
            return buffer.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new VolumeFormatException(path, "corrupt or truncated gzip stream", e);
        }
        catch (EndOfStreamException e)
        {
            throw new VolumeFormatException(path, "truncated gzip stream", e);
        }
    }

    /// <summary>
    /// Writes <paramref name="write"/>'s output to <paramref name="path"/> (gzip when the name ends in .gz)
    /// through <see cref="DurableFile"/>, so a crash or a full disk never leaves a half-written file.
    /// </summary>
    public static void WriteAtomically(string path, Action<Stream> write) =>
        DurableFile.Write(path, file =>
        {
            if (IsGzip(path))
            {
                using var gzip = new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true);
                write(gzip);
            }
            else
            {
                write(file);
            }
        });
}
