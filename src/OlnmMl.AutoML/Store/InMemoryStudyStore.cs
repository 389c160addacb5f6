namespace OlnmMl.AutoML.Store;

/// <summary>
/// A study store in memory (tests, throw-away sweeps); thread-safe, not durable. Its leases are per trial and
/// expire <see cref="LeaseDuration"/> after the last heartbeat, the model of a store shared by many machines:
/// a trial whose lease expired is retried by the next claimer, at most <see cref="MaxRetries"/> times, then recorded Failed.
/// </summary>
public sealed class InMemoryStudyStore : IStudyStore
{
    private readonly List<TrialRecord> _trials = [];
    private readonly SortedDictionary<(int Trial, int Step), double> _intermediate = [];
    private readonly Dictionary<string, string> _inputs = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>
    /// Creates an empty store for <paramref name="study"/>; leases last <paramref name="leaseDuration"/> (default 1 min)
    /// on <paramref name="time"/>, and a trial whose lease expired is retried at most <paramref name="maxRetries"/> times.
    /// </summary>
    public InMemoryStudyStore(StudyInfo study, TimeSpan? leaseDuration = null, TimeProvider? time = null, int maxRetries = 2)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRetries);
        Study = study;
        LeaseDuration = leaseDuration ?? TimeSpan.FromMinutes(1);
        MaxRetries = maxRetries;
        Claims = new TrialClaims(LeaseDuration, time ?? TimeProvider.System, maxRetries, FailAbandoned);
    }

    /// <summary>How many times a trial whose lease expired is run again before it is recorded Failed.</summary>
    public int MaxRetries { get; }

    /// <inheritdoc />
    public StudyInfo Study { get; }

    /// <summary>How long a trial's claim lasts without a heartbeat.</summary>
    public TimeSpan LeaseDuration { get; }

    private TrialClaims Claims { get; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Inputs
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, string>(_inputs, StringComparer.Ordinal);
            }
        }
    }

    /// <inheritdoc />
    public IStudyLease AcquireLease(string purpose, TimeSpan wait) =>
        new TrialClaims.Lease(Claims, $"pid {Environment.ProcessId} on host {Environment.MachineName} since {DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ} ({purpose})");

    /// <inheritdoc />
    public void RecordInputs(IReadOnlyDictionary<string, string> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        lock (_gate)
        {
            StudyInputs.RequireNoConflict(Study.Name, _inputs, inputs);
            foreach (var (name, value) in inputs)
            {
                _inputs[name] = value;
            }
        }
    }

    /// <inheritdoc />
    public TrialRecord StartTrial(TrialStart start)
    {
        lock (_gate)
        {
            return TryStartTrial(_trials.Count, start)!;
        }
    }

    /// <inheritdoc />
    public TrialRecord? TryStartTrial(int number, TrialStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        lock (_gate)
        {
            if (number != _trials.Count)
            {
                return null;
            }

            var record = TrialRecordRows.Started(number, start);
            _trials.Add(record);
            return record;
        }
    }

    /// <inheritdoc />
    public void FinishTrial(TrialRecord finished)
    {
        ArgumentNullException.ThrowIfNull(finished);
        lock (_gate)
        {
            FinishedTrialCheck.Validate(Stored(finished.Number), finished);
            _trials[finished.Number] = finished;
        }
    }

    /// <inheritdoc />
    public void InterruptTrial(int number, string reason)
    {
        lock (_gate)
        {
            var stored = Stored(number);
            FinishedTrialCheck.ValidateInterrupt(stored);
            _trials[number] = stored with { Status = TrialStatus.Interrupted, Error = reason };
        }
    }

    /// <inheritdoc />
    public void ReportIntermediate(int number, int step, double value)
    {
        lock (_gate)
        {
            FinishedTrialCheck.ValidateReport(Stored(number), step);
            _intermediate[(number, step)] = value;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<IntermediateValue> GetIntermediateValues(int? number = null)
    {
        lock (_gate)
        {
            return _intermediate.Where(v => number is null || v.Key.Trial == number)
                .Select(v => new IntermediateValue(v.Key.Trial, v.Key.Step, v.Value)).ToArray();
        }
    }

    /// <inheritdoc />
    public TrialRecord GetTrial(int number)
    {
        lock (_gate)
        {
            return number >= 0 && number < _trials.Count
                ? _trials[number]
                : throw new KeyNotFoundException($"Study '{Study.Name}' has no trial {number}.");
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<TrialRecord> GetTrials()
    {
        lock (_gate)
        {
            return _trials.ToArray();
        }
    }

    /// <inheritdoc />
    public int CountTrials(TrialStatus? status = null)
    {
        lock (_gate)
        {
            return status is null ? _trials.Count : _trials.Count(t => t.Status == status);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private void FailAbandoned(int number)
    {
        lock (_gate)
        {
            if (!_trials[number].Status.IsFinal())
            {
                _trials[number] = _trials[number] with
                {
                    Status = TrialStatus.Failed,
                    Error = $"its holder's lease expired without a heartbeat {MaxRetries + 1} time(s); no retries left",
                };
            }
        }
    }

    private TrialRecord Stored(int number) =>
        number >= 0 && number < _trials.Count
            ? _trials[number]
            : throw new InvalidOperationException($"Trial {number} was never started in study '{Study.Name}'.");
}
