using System.Diagnostics;

namespace OlnmMl.AutoML.Store;

/// <summary>
/// SQLite's lease: one per study, a kernel lock on <c>STUDY.db.lock</c> (<see cref="FileLock"/>) held while the
/// process runs the study — the heartbeat is the process itself: the lease ends exactly when it does. A claimed trial
/// records this holder (<see cref="SqliteStudyStore.Claim"/>), so a Running trial recorded for another holder was left
/// by a process that died (the kernel released its lock): it is adopted as a retry, or failed when out of retries.
/// </summary>
internal sealed class SqliteStudyLease : IStudyLease
{
    private readonly FileLock _lock;
    private readonly SqliteStudyStore _store;
    private readonly string _id = Guid.NewGuid().ToString("N");
    private readonly ClaimedTrials _claimed = new();

    private SqliteStudyLease(FileLock held, SqliteStudyStore store)
    {
        _lock = held;
        _store = store;
        Holder = FileLock.DescribeHolder(held.LockedPath);
    }

    /// <inheritdoc />
    public string Holder { get; }

    /// <inheritdoc />
    public TimeSpan? HeartbeatInterval => null;

    /// <summary>Takes the study's lock, waiting up to <paramref name="wait"/>; throws <see cref="StudyInUseException"/> naming the holder.</summary>
    public static SqliteStudyLease Acquire(SqliteStudyStore store, string purpose, TimeSpan wait)
    {
        var databasePath = store.Path;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (FileLock.TryAcquire(databasePath, purpose) is { } held)
            {
                return new SqliteStudyLease(held, store);
            }

            if (clock.Elapsed >= wait)
            {
                throw new StudyInUseException(Path.GetFullPath(databasePath), FileLock.DescribeHolder(databasePath));
            }

            Thread.Sleep(TimeSpan.FromMilliseconds(100));
        }
    }

    /// <inheritdoc />
    public bool TryClaim(int number)
    {
        if (!_store.Claim(number, _id))
        {
            return false;
        }

        _claimed.Add(number);
        return true;
    }

    /// <inheritdoc />
    public void Renew()
    {
    }

    /// <inheritdoc />
    public void Release(int number)
    {
        _store.Unclaim(number, _id);
        _claimed.Remove(number);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _claimed.ReleaseAll(Release);
        _lock.Dispose();
    }
}
