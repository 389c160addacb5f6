namespace OlnmMl.AutoML.Store;

/// <summary>A study store in memory (tests, throw-away sweeps); thread-safe, not durable.</summary>
public sealed class InMemoryStudyStore : IStudyStore
{
    private readonly List<TrialRecord> _trials = [];
    private readonly Lock _gate = new();

    /// <summary>Creates an empty store for <paramref name="study"/>.</summary>
    public InMemoryStudyStore(StudyInfo study)
    {
        ArgumentNullException.ThrowIfNull(study);
        Study = study;
    }

    /// <inheritdoc />
    public StudyInfo Study { get; }

    /// <inheritdoc />
    public TrialRecord StartTrial(TrialStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        lock (_gate)
        {
            var record = new TrialRecord
            {
                Number = _trials.Count,
                Status = TrialStatus.Running,
                Parameters = start.Parameters,
                Seed = start.Seed,
                Budget = start.Budget,
                PromotedFrom = start.PromotedFrom,
                StartedAt = start.StartedAt,
            };
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
            if (finished.Number < 0 || finished.Number >= _trials.Count)
            {
                throw new InvalidOperationException($"Trial {finished.Number} was never started in study '{Study.Name}'.");
            }

            FinishedTrialCheck.Validate(_trials[finished.Number], finished);
            _trials[finished.Number] = finished;
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
}
