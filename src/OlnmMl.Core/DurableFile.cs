using System.Text;

namespace OlnmMl;

/// <summary>
/// The one way the product writes an output file: into a temporary file in the target folder,
/// flushed and fsynced, then renamed over the target (atomic on POSIX file systems). A crash, a
/// kill or a full disk leaves either the old file or the new one, never a truncated one; the
/// temporary file is removed on failure.
/// </summary>
public static class DurableFile
{
    /// <summary>Writes <paramref name="write"/>'s output to <paramref name="path"/> atomically.</summary>
    /// <exception cref="OlnmUserException">The disk is full or the folder is not writable; the old file is untouched.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(directory);
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(file);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch (IOException e)
        {
            throw new OlnmUserException(full, $"could not be written ({e.Message.TrimEnd('.')}); any previous version is unchanged", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new OlnmUserException(full, "could not be written (permission denied); any previous version is unchanged", e);
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without BOM to <paramref name="path"/> atomically.</summary>
    public static void WriteAllText(string path, string text) =>
        Write(path, stream => stream.Write(Utf8.GetBytes(text)));

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> atomically.</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var copy = bytes.ToArray();
        Write(path, stream => stream.Write(copy));
    }

    /// <summary>
    /// Builds a folder beside <paramref name="path"/> with <paramref name="build"/> (which receives the
    /// temporary folder), fsyncs every file in it, then swaps it into place: the old folder, if any, is moved aside and deleted
    /// only once the new one is in place, so readers see the old or the new folder, never a mix.
    /// </summary>
    public static void ReplaceDirectory(string path, Action<string> build)
    {
        var full = Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(full)!;
        var name = Path.GetFileName(full);
        var building = Path.Combine(parent, $".{name}.{Environment.ProcessId}.{Guid.NewGuid():N}.new");
        var aside = Path.Combine(parent, $".{name}.{Environment.ProcessId}.{Guid.NewGuid():N}.old");
        try
        {
            Directory.CreateDirectory(building);
            build(building);
            FlushToDisk(building);
            if (Directory.Exists(full))
            {
                Directory.Move(full, aside);
            }

            Directory.Move(building, full);
        }
        catch (IOException e)
        {
            if (!Directory.Exists(full) && Directory.Exists(aside))
            {
                Directory.Move(aside, full);
            }

            throw new OlnmUserException(full, $"could not be written ({e.Message.TrimEnd('.')}); any previous version is unchanged", e);
        }
        finally
        {
            TryDeleteDirectory(building);
            TryDeleteDirectory(aside);
        }
    }

    private static void FlushToDisk(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            stream.Flush(flushToDisk: true);
        }
    }

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
    }

    private static void TryDeleteDirectory(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
        }
    }
}
