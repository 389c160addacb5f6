namespace OlnmMl.AutoML.Store;

/// <summary>
/// Per-trial leases with expiry, as a store shared by many machines keeps them: a claim belongs to one holder
/// until it expires (no heartbeat for the lease duration) or is released; an expired claim can be taken by
/// anyone, and the holder that lost it learns so at its next <see cref="IStudyLease.Renew"/>. Taking over an
/// expired claim counts a retry of the trial; past <paramref name="maxRetries"/> the claim is refused and
/// <paramref name="exhausted"/> is called with the trial's number (the store records it Failed).
/// </summary>
internal sealed class TrialClaims(TimeSpan duration, TimeProvider time, int maxRetries, Action<int> exhausted)
{
    private readonly Dictionary<int, (Lease Holder, DateTimeOffset Expires)> _claims = [];
    private readonly Dictionary<int, int> _retries = [];
    private readonly Lock _gate = new();

    private bool TryClaim(Lease lease, int number)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_claims.TryGetValue(number, out var claim) && claim.Holder != lease)
            {
                if (claim.Expires > now)
                {
                    return false;
                }

                var retries = _retries.GetValueOrDefault(number);
                if (retries >= maxRetries)
                {
                    _claims.Remove(number);
                    exhausted(number);
                    return false;
                }

                _retries[number] = retries + 1;
            }

            _claims[number] = (lease, now + duration);
            lease.Claimed.Add(number);
            return true;
        }
    }

    private void Renew(Lease lease)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var lost = lease.Claimed.Where(n => !_claims.TryGetValue(n, out var claim) || claim.Holder != lease || claim.Expires <= now).Order().ToArray();
            if (lost.Length > 0)
            {
                Release(lease, null);
                throw new StudyLeaseLostException(
                    $"The lease of {lease.Holder} on trial(s) {string.Join(", ", lost)} expired before its heartbeat; another process may run them now.");
            }

            foreach (var number in lease.Claimed)
            {
                _claims[number] = (lease, now + duration);
            }
        }
    }

    private void Release(Lease lease, int? number)
    {
        lock (_gate)
        {
            foreach (var claimed in lease.Claimed.Where(n => number is null || n == number).ToArray())
            {
                if (_claims.TryGetValue(claimed, out var claim) && claim.Holder == lease)
                {
                    _claims.Remove(claimed);
                }

                lease.Claimed.Remove(claimed);
            }
        }
    }

    /// <summary>One holder's lease on the trials it claims.</summary>
    internal sealed class Lease(TrialClaims claims, string holder) : IStudyLease
    {
        public string Holder => holder;

        /// <summary>The trials this lease claimed and has not released (guarded by the claims' lock).</summary>
        public HashSet<int> Claimed { get; } = [];

        public TimeSpan? HeartbeatInterval => claims.HeartbeatInterval;

        public bool TryClaim(int number) => claims.TryClaim(this, number);

        public void Renew() => claims.Renew(this);

        public void Release(int number) => claims.Release(this, number);

        public void Dispose() => claims.Release(this, null);
    }

    private TimeSpan HeartbeatInterval => Runner.LeaseHeartbeat.IntervalFor(duration);
}
