using System.Diagnostics;
using System.Globalization;

namespace OlnmMl;

/// <summary>
/// An exclusive, inter-process lock on a path, held as an operating-system lock on the file
/// <c>&lt;path&gt;.lock</c> (flock on Linux and macOS, a share-none handle on Windows). The kernel
/// releases it when the holder exits, even after kill -9, so a lock left by a dead process is never
/// honoured: stale locks need no clean-up. While held, <c>&lt;path&gt;.lock.owner</c> says who holds
/// it (pid, host, start time, purpose), for the message a waiting process prints.
/// </summary>
public sealed class FileLock : IDisposable
{
    private readonly FileStream _handle;
    private readonly string _ownerPath;

    private FileLock(string lockedPath, FileStream handle, string ownerPath)
    {
        LockedPath = lockedPath;
        _handle = handle;
        _ownerPath = ownerPath;
    }

    /// <summary>The path this lock guards (not the lock file itself).</summary>
    public string LockedPath { get; }

    /// <summary>
    /// Takes the lock on <paramref name="path"/>, waiting up to <paramref name="wait"/> for another holder
    /// to release it.
    /// </summary>
    /// <param name="path">The file or folder to guard; its folder is created if missing.</param>
    /// <param name="purpose">What the holder does (e.g. "radiomics batch"), shown to a waiting process.</param>
    /// <param name="wait">How long to wait for a live holder; zero fails at once.</param>
    /// <exception cref="OlnmUserException">Another live process holds the lock past <paramref name="wait"/>; the message names it.</exception>
    public static FileLock Acquire(string path, string purpose, TimeSpan wait = default)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (TryAcquire(path, purpose) is { } held)
            {
                return held;
            }

            if (deadline.Elapsed >= wait)
            {
                throw new OlnmUserException(Path.GetFullPath(path), $"is in use by {AwaitHolderNote(path)}; wait for it to finish or choose another output");
            }

            Thread.Sleep(TimeSpan.FromMilliseconds(Math.Min(200, Math.Max(10, wait.TotalMilliseconds / 20))));
        }
    }

    /// <summary>Takes the lock on <paramref name="path"/> if no live process holds it; null otherwise.</summary>
    public static FileLock? TryAcquire(string path, string purpose)
    {
        var full = Path.GetFullPath(path);
        var lockPath = full + ".lock";
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        FileStream handle;
        try
        {
            handle = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException) when (File.Exists(lockPath))
        {
            return null;
        }

        var ownerPath = lockPath + ".owner";
        var owner = string.Create(CultureInfo.InvariantCulture, $"pid {Environment.ProcessId} on host {Environment.MachineName} since {DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ} ({purpose})");
        DurableFile.WriteAllText(ownerPath, owner + "\n");
        return new FileLock(full, handle, ownerPath);
    }

    /// <summary>
    /// The holder's note, waiting up to a second for it: a holder writes it just after taking the
    /// kernel lock, so a process refused in between would otherwise name no one.
    /// </summary>
    private static string AwaitHolderNote(string path)
    {
        var clock = Stopwatch.StartNew();
        string holder;
        while ((holder = DescribeHolder(path)) == UnknownHolder && clock.Elapsed < TimeSpan.FromSeconds(1))
        {
            Thread.Sleep(20);
        }

        return holder;
    }

    private const string UnknownHolder = "another process";

    /// <summary>Who holds the lock on <paramref name="path"/>, as recorded by the holder.</summary>
    public static string DescribeHolder(string path)
    {
        var ownerPath = Path.GetFullPath(path) + ".lock.owner";
        try
        {
            return File.ReadAllText(ownerPath).Trim() is { Length: > 0 } owner ? owner : UnknownHolder;
        }
        catch (IOException)
        {
            return UnknownHolder;
        }
    }

    /// <summary>Releases the lock (the owner note first, so no waiting process reads a stale one).</summary>
    public void Dispose()
    {
        try
        {
            File.Delete(_ownerPath);
        }
        catch (IOException)
        {
        }

        _handle.Dispose();
    }
}
