namespace OlnmMl.AutoML.Store;

/// <summary>
/// The right of one process to run trials of a study, taken with <see cref="IStudyStore.AcquireLease"/>.
/// Contract (checked by the store contract tests for every store): a trial is owned by at most one live
/// holder at a time; a holder runs (and writes the artefacts of) only trials it claimed with
/// <see cref="TryClaim"/>; a Running trial whose holder died (or whose lease expired without
/// <see cref="Renew"/>) can be claimed again, and only then is it adopted by a resume.
/// A store may grant one lease for the whole study (SQLite: a kernel file lock, so every trial of the study
/// belongs to the one holder) or per-trial leases with expiry (in-memory, and a store for many machines),
/// which the holder keeps alive by calling <see cref="Renew"/> every <see cref="HeartbeatInterval"/>.
/// Disposing releases every claim.
/// </summary>
public interface IStudyLease : IDisposable
{
    /// <summary>Who holds the lease (pid, host, start time, purpose), as other processes are told.</summary>
    string Holder { get; }

    /// <summary>
    /// How often <see cref="Renew"/> must be called for the claims to stay valid, or null when the lease lives
    /// exactly as long as the holding process (no heartbeat needed).
    /// </summary>
    TimeSpan? HeartbeatInterval { get; }

    /// <summary>
    /// Claims trial <paramref name="number"/> for this holder: true when the holder now owns it (it was just
    /// started by this holder, was already its own, or its previous holder's lease is gone); false while another
    /// live holder owns it. A false answer means: do not run the trial and do not touch its artefacts.
    /// </summary>
    bool TryClaim(int number);

    /// <summary>
    /// Extends this holder's claims (the heartbeat). Throws <see cref="StudyLeaseLostException"/> when the lease
    /// expired meanwhile and another holder may have claimed the trials; the holder must then stop writing.
    /// </summary>
    void Renew();

    /// <summary>Gives up the claim on trial <paramref name="number"/> (after it was finished or interrupted).</summary>
    void Release(int number);
}
