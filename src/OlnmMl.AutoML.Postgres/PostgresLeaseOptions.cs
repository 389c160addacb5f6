namespace OlnmMl.AutoML.Postgres;

/// <summary>
/// How a PostgreSQL study's per-trial leases behave. A worker renews its claims every <see cref="Grace"/> / 3;
/// a Running trial whose heartbeat is older than <see cref="Grace"/> belongs to a dead worker and is retried by the
/// next worker that claims it (same number, same seed), at most <see cref="MaxRetries"/> times, after which the
/// claiming worker records it Failed.
/// </summary>
/// <param name="Grace">Age of the last heartbeat after which a trial's worker counts as dead (positive).</param>
/// <param name="MaxRetries">How many times a trial whose worker died is run again (zero or more).</param>
public sealed record PostgresLeaseOptions(TimeSpan Grace, int MaxRetries)
{
    /// <summary>One minute of grace, two retries.</summary>
    public static PostgresLeaseOptions Default { get; } = new(TimeSpan.FromMinutes(1), 2);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for a non-positive grace or negative retries.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Grace, TimeSpan.Zero, nameof(Grace));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetries, nameof(MaxRetries));
    }
}
