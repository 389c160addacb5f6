namespace OlnmMl.AutoML.Runner;

/// <summary>
/// Samples the process working set (<see cref="Environment.WorkingSet"/>) on a timer and keeps the largest value.
/// With trials in parallel the figure covers the whole process, so it bounds each trial's peak from above.
/// </summary>
internal sealed class PeakMemorySampler : IDisposable
{
    private readonly Timer _timer;
    private long _peak;

    public PeakMemorySampler(TimeSpan interval)
    {
        Sample(null);
        _timer = new Timer(Sample, null, interval, interval);
    }

    public long PeakBytes
    {
        get
        {
            Sample(null);
            return Interlocked.Read(ref _peak);
        }
    }

    public void Dispose() => _timer.Dispose();

    private void Sample(object? state)
    {
        var current = Environment.WorkingSet;
        long seen;
        while (current > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, current, seen) != seen)
        {
        }
    }
}
