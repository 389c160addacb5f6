using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Store;
using OlnmMl.AutoML.Tuners;

namespace OlnmMl.AutoML.Runner;

/// <summary>
/// What one sweep process knows of its study: the stored trials replayed into a fresh tuner, the counts
/// (<see cref="State"/>), the open trials it claimed and must re-run (<see cref="Restarts"/>: same number, same
/// seed), and the number its next new trial gets. A promoted trial gets its parent's seed. Other workers may write to the study meanwhile:
/// <see cref="TryStart"/> then fails and <see cref="Reload"/> reads the study again, so a trial's parameters are
/// always those the tuner proposed for its number after seeing every trial before it that this process read.
/// </summary>
internal sealed class SweepStudyView
{
    private readonly ExperimentDefinition _experiment;
    private readonly IStudyStore _store;

    public SweepStudyView(ExperimentDefinition experiment, IStudyStore store, IStudyLease lease)
    {
        _experiment = experiment;
        _store = store;
        var history = store.GetTrials();
        State = new SweepState(experiment, history);
        Tuner = Replay(history);
        NextNumber = history.Count;
        Claim(history, lease);
    }

    /// <summary>The tuner, told every trial read so far.</summary>
    public ITuner Tuner { get; private set; }

    /// <summary>Counts and best trial of the study as read, plus this process's finished trials.</summary>
    public SweepState State { get; }

    /// <summary>Open trials (Running, Interrupted) this process claimed and has not started yet.</summary>
    public Queue<TrialRecord> Restarts { get; } = new();

    /// <summary>The number a new trial is started under.</summary>
    public int NextNumber { get; private set; }

    /// <summary>
    /// Starts the suggested trial under <see cref="NextNumber"/> and claims it with <paramref name="lease"/>; null
    /// when another worker took that number (nothing was written) or claimed the new trial between its start and this
    /// claim (a worker reloading the study sees an open, unclaimed trial and takes it as a restart, same number and seed):
    /// that worker runs it, and the caller reloads the study.
    /// </summary>
    public TrialRecord? TryStart(TrialSuggestion suggestion, IStudyLease lease)
    {
        var number = NextNumber;
        var started = _store.TryStartTrial(number, new TrialStart(
            suggestion.Parameters, SeedOf(number, suggestion.PromotedFrom), suggestion.Budget, suggestion.PromotedFrom, DateTimeOffset.UtcNow));
        if (started is null)
        {
            return null;
        }

        if (!lease.TryClaim(number))
        {
            return null;
        }

        NextNumber++;
        Tuner.Tell(SweepRunner.Observe(started, _experiment));
        return started;
    }

    /// <summary>
    /// The seed of new trial <paramref name="number"/>: <see cref="TrialSeeds.For"/>(study seed, number, stream 1), or — for a
    /// trial promoted from <paramref name="promotedFrom"/> — the parent's stored seed, so a whole ASHA lineage is one training
    /// run's random stream (a continuation then equals training from scratch to the child's budget). The seed is stored with
    /// the trial, so a resumed or retried trial keeps it.
    /// </summary>
    private int SeedOf(int number, int? promotedFrom) =>
        promotedFrom is { } parent ? _store.GetTrial(parent).Seed : TrialSeeds.For(_experiment.Seed, number, stream: 1);

    /// <summary>Tells the tuner and the counts about a trial this process finished.</summary>
    public void Finished(TrialRecord finished)
    {
        Tuner.Tell(SweepRunner.Observe(finished, _experiment));
        State.Add(finished);
    }

    /// <summary>
    /// Reads the study again (other workers' trials): a fresh tuner told every trial, the counts, the next number,
    /// and the open trials this process can claim now (their workers died) queued in <see cref="Restarts"/>.
    /// <paramref name="busy"/> are the trials this process runs now (never queued again).
    /// Returns how many trials are open, whoever holds them.
    /// </summary>
    public int Reload(IStudyLease lease, IEnumerable<int> busy)
    {
        var history = _store.GetTrials();
        State.Recount(history);
        Tuner = Replay(history);
        NextNumber = history.Count;
        var known = Restarts.Select(r => r.Number).Concat(busy).ToHashSet();
        Claim(history.Where(t => !known.Contains(t.Number)), lease);
        return history.Count(t => !t.Status.IsFinal());
    }

    private void Claim(IEnumerable<TrialRecord> history, IStudyLease lease)
    {
        foreach (var trial in history.Where(t => !t.Status.IsFinal() && lease.TryClaim(t.Number)))
        {
            Restarts.Enqueue(trial);
        }
    }

    private ITuner Replay(IEnumerable<TrialRecord> history)
    {
        var tuner = _experiment.Tuner.Create(_experiment.Space, _experiment.Seed);
        foreach (var trial in history)
        {
            tuner.Tell(SweepRunner.Observe(trial, _experiment));
        }

        return tuner;
    }
}
