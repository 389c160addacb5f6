namespace OlnmMl.AutoML.Store;

/// <summary>
/// The trials one lease has claimed and not yet released, safe to use from the sweep's threads and its heartbeat:
/// what a lease renews, and what its <see cref="IDisposable.Dispose"/> releases (<see cref="ReleaseAll"/>).
/// </summary>
internal sealed class ClaimedTrials
{
    private readonly HashSet<int> _numbers = [];
    private readonly Lock _gate = new();

    public void Add(int number)
    {
        lock (_gate)
        {
            _numbers.Add(number);
        }
    }

    public void Remove(int number)
    {
        lock (_gate)
        {
            _numbers.Remove(number);
        }
    }

    public bool Contains(int number)
    {
        lock (_gate)
        {
            return _numbers.Contains(number);
        }
    }

    /// <summary>The claimed numbers now, in ascending order.</summary>
    public int[] Snapshot()
    {
        lock (_gate)
        {
            return [.. _numbers.Order()];
        }
    }

    /// <summary>Calls <paramref name="release"/> for every claimed number (each release removes its number): a lease's Dispose.</summary>
    public void ReleaseAll(Action<int> release)
    {
        foreach (var number in Snapshot())
        {
            release(number);
        }
    }
}
