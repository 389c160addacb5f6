using System.Diagnostics;

namespace OlnmMl.Core.Tests;

/// <summary>
/// The lock is checked against another real process holding the same kernel lock: util-linux
/// <c>flock</c> takes LOCK_EX on the lock file, as a second <c>olnm</c> would.
/// </summary>
public sealed class FileLockTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("olnm-lock-").FullName;

    [Fact]
    public void SecondHolderInTheSameProcessIsRefusedUntilTheFirstReleases()
    {
        var table = Path.Combine(_folder, "table.csv");
        using (var first = FileLock.Acquire(table, "first writer"))
        {
            Assert.Null(FileLock.TryAcquire(table, "second writer"));
            var refused = Assert.Throws<OlnmUserException>(() => FileLock.Acquire(table, "second writer"));
            Assert.Contains(table, refused.Message);
            Assert.Contains($"pid {Environment.ProcessId}", refused.Message);
            Assert.Contains("first writer", refused.Message);
        }

        using var again = FileLock.TryAcquire(table, "after release");
        Assert.NotNull(again);
    }

    [SkippableFact]
    public void ALiveOtherProcessExcludesUsAndItsDeathByKill9ReleasesTheLock()
    {
        Skip.IfNot(File.Exists("/usr/bin/flock"), "util-linux flock is not installed; it plays the other process");
        var table = Path.Combine(_folder, "table.csv");
        using var holder = Process.Start(new ProcessStartInfo("/usr/bin/flock", ["-x", table + ".lock", "sleep", "60"]) { UseShellExecute = false })!;
        WaitUntil(() => FileLock.TryAcquire(table, "probe") is not { } probe || Release(probe), "flock to take the lock");

        Assert.Null(FileLock.TryAcquire(table, "while held"));
        holder.Kill(entireProcessTree: true); // SIGKILL: no clean-up runs in the holder
        holder.WaitForExit();

        using var taken = FileLock.Acquire(table, "after kill -9", TimeSpan.FromSeconds(5));
        Assert.Equal(Path.GetFullPath(table), taken.LockedPath);
    }

    [Fact]
    public async Task WaitingAcquireSucceedsOnceTheHolderReleases()
    {
        var table = Path.Combine(_folder, "table.csv");
        var first = FileLock.Acquire(table, "first");
        var release = Task.Run(async () =>
        {
            await Task.Delay(300);
            first.Dispose();
        });
        var clock = Stopwatch.StartNew();
        using var second = FileLock.Acquire(table, "second", TimeSpan.FromSeconds(10));
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(250), "the second holder must have waited for the release");
        await release;
    }

    private static bool Release(FileLock probe)
    {
        probe.Dispose();
        return false;
    }

    private static void WaitUntil(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"timed out waiting for {what}");
            Thread.Sleep(20);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
