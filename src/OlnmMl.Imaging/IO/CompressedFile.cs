using System.IO.Compression;

namespace OlnmMl.Imaging.IO;

/// <summary>Reads whole files, gunzipping those whose name ends in .gz; writes atomically.</summary>
public static class CompressedFile
{
    /// <summary>True when <paramref name="path"/> names a gzip file (by extension).</summary>
    public static bool IsGzip(string path) => path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);

    /// <summary>Opens <paramref name="path"/> for reading, through a gzip decompressor when it is gzip.</summary>
    /// <exception cref="VolumeFormatException">The file is missing or cannot be opened.</exception>
    public static Stream OpenRead(string path)
    {
        if (!File.Exists(path))
        {
            throw new VolumeFormatException(path, "file not found");
        }

        try
        {
            var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            return IsGzip(path) ? new GZipStream(file, CompressionMode.Decompress) : file;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new VolumeFormatException(path, $"cannot be opened ({e.Message.TrimEnd('.')})", e);
        }
    }

    /// <summary>
    /// Fills <paramref name="buffer"/> from <paramref name="stream"/> (opened by <see cref="OpenRead"/>) and
    /// returns how many bytes it got: fewer than the buffer's length only at the end of the data.
    /// </summary>
    /// <exception cref="VolumeFormatException">The gzip stream is corrupt or the file cannot be read.</exception>
    public static int ReadUpTo(string path, Stream stream, Span<byte> buffer)
    {
        try
        {
            return stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException e)
        {
            throw new VolumeFormatException(path, "corrupt or truncated gzip stream", e);
        }
        catch (IOException e)
        {
            throw new VolumeFormatException(path, $"cannot be read ({e.Message.TrimEnd('.')})", e);
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
