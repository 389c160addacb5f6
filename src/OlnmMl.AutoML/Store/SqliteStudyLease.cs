using System.Diagnostics;

namespace OlnmMl.AutoML.Store;

/// <summary>
/// SQLite's lease: one per study, a kernel lock on <c>STUDY.db.lock</c> (<see cref="FileLock"/>) held while the
/// process runs the study. Every trial of the study belongs to the holder, so a Running trial found by the holder
/// was left by a process that died (the kernel released its lock) and may be adopted. No heartbeat is needed:
/// the lease ends exactly when the holder's process does.
/// </summary>
internal sealed class SqliteStudyLease : IStudyLease
{
    private readonly FileLock _lock;

    private SqliteStudyLease(FileLock held)
    {
        _lock = held;
        Holder = FileLock.DescribeHolder(held.LockedPath);
    }

    /// <inheritdoc />
    public string Holder { get; }

    /// <inheritdoc />
    public TimeSpan? HeartbeatInterval => null;

    /// <summary>Takes the study's lock, waiting up to <paramref name="wait"/>; throws <see cref="StudyInUseException"/> naming the holder.</summary>
    public static SqliteStudyLease Acquire(string databasePath, string purpose, TimeSpan wait)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (FileLock.TryAcquire(databasePath, purpose) is { } held)
            {
                return new SqliteStudyLease(held);
            }

            if (clock.Elapsed >= wait)
            {
                throw new StudyInUseException(Path.GetFullPath(databasePath), FileLock.DescribeHolder(databasePath));
            }

            Thread.Sleep(TimeSpan.FromMilliseconds(100));
        }
    }

    /// <inheritdoc />
    public bool TryClaim(int number) => true;

    /// <inheritdoc />
    public void Renew()
    {
    }

    /// <inheritdoc />
    public void Release(int number)
    {
    }

    /// <inheritdoc />
    public void Dispose() => _lock.Dispose();
}
