using OlnmMl.AutoML.Store;

namespace OlnmMl.AutoML.Runner;

/// <summary>
/// Keeps a lease with expiry alive: calls <see cref="IStudyLease.Renew"/> every
/// <see cref="IStudyLease.HeartbeatInterval"/> until disposed. When the lease is lost it cancels
/// <see cref="Lost"/> (the sweep stops its trials) and <see cref="ThrowIfLost"/> rethrows the loss.
/// A lease without a heartbeat interval (SQLite's kernel lock) needs nothing and starts no timer.
/// </summary>
internal sealed class LeaseHeartbeat : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _lost = new();
    private readonly Task _loop;
    private StudyLeaseLostException? _loss;

    public LeaseHeartbeat(IStudyLease lease)
    {
        _loop = lease.HeartbeatInterval is { } interval ? Beat(lease, interval) : Task.CompletedTask;
    }

    /// <summary>
    /// The heartbeat interval of a lease that expires <paramref name="expiry"/> after its last renewal: a third of it,
    /// so two beats may be late before a live holder's claim expires.
    /// </summary>
    public static TimeSpan IntervalFor(TimeSpan expiry) => expiry / 3;

    /// <summary>Cancelled when the lease was lost.</summary>
    public CancellationToken Lost => _lost.Token;

    public void ThrowIfLost()
    {
        if (_loss is not null)
        {
            throw _loss;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
        _lost.Dispose();
    }

    private async Task Beat(IStudyLease lease, TimeSpan interval)
    {
        try
        {
            while (true)
            {
                await Task.Delay(interval, _stop.Token).ConfigureAwait(false);
                lease.Renew();
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (StudyLeaseLostException e)
        {
            _loss = e;
            await _lost.CancelAsync().ConfigureAwait(false);
        }
    }
}
