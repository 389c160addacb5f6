using OlnmMl.AutoML.Store;

namespace OlnmMl.AutoML.Runner;

/// <summary>
/// How a sweep that fails stops its other trials: cancel them, wait until every one has returned (a deep trial
/// checks cancellation before each batch; exiting while one is inside libtorch crashed the process with SIGSEGV),
/// then mark each stopped one. Marking is best effort — the store may be why the sweep failed (a full disk) — and
/// never hides the sweep's own error.
/// </summary>
internal static class SweepAbort
{
    /// <summary>Cancels <paramref name="abort"/>, awaits every task of <paramref name="running"/> and calls <paramref name="interrupt"/> for each.</summary>
    public static async Task StopAsync(IReadOnlyList<(Task<TrialRecord> Task, TrialRecord Trial)> running, CancellationTokenSource abort, Action<TrialRecord> interrupt)
    {
        await abort.CancelAsync().ConfigureAwait(false);
        foreach (var (task, trial) in running)
        {
            try
            {
                await task.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Stopped by the cancellation (or failed on its way out): either way it did not finish.
            }

            try
            {
                interrupt(trial);
            }
            catch (Exception)
            {
                // The store may be what failed; the trial then stays Running and its dead lease lets a resume adopt it.
            }
        }
    }
}
