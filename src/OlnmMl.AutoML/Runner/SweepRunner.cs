using System.Diagnostics;
using System.Runtime.ExceptionServices;
using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Store;
using OlnmMl.AutoML.Tuners;

namespace OlnmMl.AutoML.Runner;

/// <summary>
/// Runs a sweep against a study store, holding the study's lease (<see cref="IStudyStore.AcquireLease"/>, kept
/// alive by a heartbeat where the store's leases expire): replays the stored trials into a fresh tuner, re-runs
/// the unfinished trials it can claim — Interrupted ones and Running ones whose holder's lease is gone (same
/// numbers, same seeds) — never a trial another live holder runs, then proposes new trials while the budgets allow (trials,
/// time, and epochs: <see cref="SweepBudget.MaxEpochs"/> counts the stored intermediate values) — at most
/// <see cref="SweepBudget.Parallelism"/> at once and, with a memory budget, only while the factories' estimates of
/// the running trials fit (one trial always runs). Failed trials are recorded and the sweep goes on. The tuner is
/// told only the selection objective (<see cref="SelectionObjective"/>). Cancelling the token stops the sweep: the
/// trials it interrupted are marked Interrupted and <see cref="OperationCanceledException"/> is thrown; a resume
/// re-runs them. A killed process leaves them Running, and its dead lease lets a resume adopt them.
/// Several workers may run one study (a store with per-trial leases): each reads the others' trials when its next
/// number was taken (<see cref="SweepStudyView"/>), and with <see cref="WaitForOtherWorkers"/> retries the trials
/// of workers whose heartbeats stopped.
/// </summary>
public sealed class SweepRunner
{
    private readonly ExperimentDefinition _experiment;
    private readonly IStudyStore _store;
    private readonly TrialFactoryRegistry _registry;
    private readonly TrialExecutor _executor;
    private readonly ISweepProgress _progress;

    /// <summary>Creates a runner; <paramref name="artefactRoot"/> receives one folder per trial.</summary>
    public SweepRunner(ExperimentDefinition experiment, IStudyStore store, TrialFactoryRegistry registry, string artefactRoot, ISweepProgress? progress = null)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentException.ThrowIfNullOrEmpty(artefactRoot);
        experiment.Validate();
        registry.RequireAll(experiment);
        _experiment = experiment;
        _store = store;
        _registry = registry;
        _executor = new TrialExecutor(experiment, registry, artefactRoot, store);
        _progress = progress ?? new CallbackProgress((_, _, _) => { });
    }

    /// <summary>How long to wait for another process's lease on the study (default: refuse at once, naming it).</summary>
    public TimeSpan LeaseWait { get; init; }

    /// <summary>
    /// A worker among several (false: a single-process sweep). When true and the store's leases have heartbeats,
    /// the sweep does not end while another worker holds an open trial: it polls every heartbeat interval and
    /// runs (retries) the trials whose workers stopped renewing their leases, so every trial ends finished.
    /// </summary>
    public bool WaitForOtherWorkers { get; init; }

    /// <summary>The observation a tuner is told about <paramref name="trial"/>: its selection loss, nothing else.</summary>
    public static TunerObservation Observe(TrialRecord trial, ExperimentDefinition experiment)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(experiment);
        double? loss = trial is { Status: TrialStatus.Complete, Objective: { } objective } ? SelectionObjective.ToLoss(experiment.Objective, objective) : null;
        return new TunerObservation(trial.Number, trial.Parameters, trial.Status.IsFinal(), loss, trial.Budget, trial.PromotedFrom);
    }

    /// <summary>
    /// Runs until the budgets are spent, the tuner is exhausted or <paramref name="cancellationToken"/> fires (then
    /// throws <see cref="OperationCanceledException"/> once the interrupted trials are marked). Throws
    /// <see cref="StudyInUseException"/> when another live process holds the study's lease past <see cref="LeaseWait"/>,
    /// and <see cref="StudyLeaseLostException"/> when this process's lease expired mid-sweep.
    /// </summary>
    public async Task<SweepSummary> RunAsync(CancellationToken cancellationToken = default)
    {
        using var lease = _store.AcquireLease($"sweep of study '{_store.Study.Name}'", LeaseWait);
        await using var heartbeat = new LeaseHeartbeat(lease);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, heartbeat.Lost);
        var summary = await RunHoldingLeaseAsync(lease, stop.Token).ConfigureAwait(false);
        heartbeat.ThrowIfLost();
        cancellationToken.ThrowIfCancellationRequested();
        return summary;
    }

    private async Task<SweepSummary> RunHoldingLeaseAsync(IStudyLease lease, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var budget = _experiment.Budget;
        var study = new SweepStudyView(_experiment, _store, lease);
        var restarts = study.Restarts;
        using var deadline = new CancellationTokenSource();
        if (budget.Time is { } time)
        {
            deadline.CancelAfter(time);
        }

        var running = new Dictionary<Task<TrialRecord>, (TrialRecord Trial, long Estimate)>();
        // Stops the running trials when the sweep aborts on an error; a trial task never outlives the sweep.
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        TrialSuggestion? held = null;
        var exhausted = false;
        try
        {
            while (true)
            {
                while (!cancellationToken.IsCancellationRequested && !deadline.IsCancellationRequested && running.Count < budget.Parallelism)
                {
                    TrialRecord? restart = restarts.Count > 0 ? restarts.Peek() : null;
                    if (restart is null && held is null)
                    {
                        if (exhausted || (budget.MaxTrials is { } max && study.NextNumber >= max)
                            || (budget.MaxEpochs is { } epochs && _store.GetIntermediateValues().Count >= epochs))
                        {
                            break;
                        }

                        held = study.Tuner.Propose(study.NextNumber);
                        if (held is null)
                        {
                            exhausted = true;
                            break;
                        }
                    }

                    var parameters = restart?.Parameters ?? held!.Parameters;
                    var estimate = _registry.Resolve(parameters.GetCategory(ExperimentDefinition.TrialKindParameter)).EstimateMemoryBytes(parameters);
                    if (running.Count > 0 && budget.MemoryBytes is { } memory && running.Values.Sum(r => r.Estimate) + estimate > memory)
                    {
                        break;
                    }

                    TrialRecord started;
                    if (restart is not null)
                    {
                        started = restarts.Dequeue();
                    }
                    else if (study.TryStart(held!, lease) is { } fresh)
                    {
                        started = fresh;
                        held = null;
                    }
                    else
                    {
                        // Another worker took the number or claimed the trial: read its trials and propose again for the next one.
                        held = null;
                        study.Reload(lease, running.Values.Select(r => r.Trial.Number));
                        continue;
                    }

                    running.Add(Task.Run(() => _executor.RunAsync(started, abort.Token, deadline.Token), CancellationToken.None), (started, estimate));
                    _progress.TrialStarted(started, study.State.Snapshot(running.Count, clock.Elapsed));
                }

                if (running.Count == 0)
                {
                    // A worker among several ends only when no trial is open: it waits while live workers hold some,
                    // and claims (retries) those whose workers stopped their heartbeats.
                    if (!WaitForOtherWorkers || cancellationToken.IsCancellationRequested || deadline.IsCancellationRequested
                        || lease.HeartbeatInterval is not { } poll || study.Reload(lease, []) == 0)
                    {
                        break;
                    }

                    if (restarts.Count == 0)
                    {
                        await Task.Delay(poll, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    }

                    continue;
                }

                var done = await Task.WhenAny(running.Keys).ConfigureAwait(false);
                var (trial, _) = running[done];
                running.Remove(done);
                if (done.IsCanceled || (done.IsFaulted && done.Exception?.InnerException is OperationCanceledException))
                {
                    Interrupt(lease, trial, CancelledReason);
                    continue;
                }

                if (done.Exception?.InnerException is { } error)
                {
                    // The executor records a trial's own errors; one escaping it (its folder cannot be made, the disk is
                    // full) stops the sweep: this trial is recorded Failed, the catch below stops and awaits the others.
                    _store.FinishTrial(trial with { Status = TrialStatus.Failed, Error = error.ToString() });
                    lease.Release(trial.Number);
                    ExceptionDispatchInfo.Throw(error);
                }

                var finished = await done.ConfigureAwait(false);
                if (!lease.TryClaim(finished.Number))
                {
                    // This worker's lease expired (a pause longer than the grace period) and another worker runs the
                    // trial now: its record is that worker's to write.
                    continue;
                }

                _store.FinishTrial(finished);
                lease.Release(finished.Number);
                study.Finished(finished);
                _progress.TrialFinished(finished, study.State.Snapshot(running.Count, clock.Elapsed));
            }
        }
        catch (Exception) when (running.Count > 0)
        {
            await SweepAbort.StopAsync(running.Select(r => (r.Key, r.Value.Trial)).ToArray(), abort, trial => Interrupt(lease, trial, AbortedReason)).ConfigureAwait(false);
            throw;
        }

        return study.State.Summary(_store.CountTrials(TrialStatus.Running) + _store.CountTrials(TrialStatus.Interrupted), exhausted, clock.Elapsed);
    }

    private const string CancelledReason = "interrupted: the sweep was cancelled (Ctrl-C or SIGTERM); a resume re-runs it";
    private const string AbortedReason = "interrupted: the sweep stopped on an error in another trial; a resume re-runs it";

    /// <summary>Marks a stopped trial Interrupted — unless the lease was lost and the trial may be another holder's now.</summary>
    private void Interrupt(IStudyLease lease, TrialRecord trial, string reason)
    {
        if (lease.TryClaim(trial.Number))
        {
            _store.InterruptTrial(trial.Number, reason);
            lease.Release(trial.Number);
        }
    }
}
