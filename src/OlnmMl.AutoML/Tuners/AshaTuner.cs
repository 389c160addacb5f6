namespace OlnmMl.AutoML.Tuners;

/// <summary>
/// Asynchronous successive halving (Li et al. 2020, ASHA). Rung k trains for b_k = min(b_min·η^k, b_max) epochs.
/// On each proposal, from the highest rung down, a finished configuration in the top ⌊n_k/η⌋ of rung k (n_k
/// finished there) that is not yet promoted is promoted to rung k+1; when none is promotable a new configuration is
/// drawn (uniformly, seeded by trial number) on rung 0. Weak configurations thereby stop after b_0 epochs.
/// </summary>
public sealed class AshaTuner : ITuner
{
    private readonly Spaces.SearchSpace _space;
    private readonly int _seed;
    private readonly int[] _rungs;
    private readonly int _eta;
    private readonly Dictionary<int, TunerObservation> _observations = [];
    private readonly HashSet<int> _promoted = [];

    /// <summary>Creates an ASHA tuner over <paramref name="space"/>.</summary>
    public AshaTuner(Spaces.SearchSpace space, int seed, AshaOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        var o = options ?? new AshaOptions();
        if (o.MinBudget < 1 || o.MaxBudget < o.MinBudget || o.ReductionFactor < 2)
        {
            throw new ArgumentException($"ASHA needs 1 <= MinBudget <= MaxBudget and ReductionFactor >= 2; got {o}.", nameof(options));
        }

        _space = space;
        _seed = seed;
        _eta = o.ReductionFactor;
        var rungs = new List<int>();
        for (long b = o.MinBudget; b < o.MaxBudget; b *= o.ReductionFactor)
        {
            rungs.Add((int)b);
        }

        rungs.Add(o.MaxBudget);
        _rungs = rungs.ToArray();
    }

    /// <summary>The budgets b_0 &lt; b_1 &lt; … of the rungs.</summary>
    public IReadOnlyList<int> Rungs => _rungs;

    /// <inheritdoc />
    public string Name => "asha";

    /// <inheritdoc />
    public void Tell(TunerObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        _observations[observation.TrialNumber] = observation;
        if (observation.PromotedFrom is { } parent)
        {
            _promoted.Add(parent);
        }
    }

    /// <inheritdoc />
    public TrialSuggestion? Propose(int trialNumber)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trialNumber);
        for (var k = _rungs.Length - 2; k >= 0; k--)
        {
            var finished = _observations.Values
                .Where(o => o.IsFinished && o.Loss is not null && o.Budget == _rungs[k])
                .OrderBy(o => o.Loss!.Value)
                .ThenBy(o => o.TrialNumber)
                .ToList();
            foreach (var candidate in finished.Take(finished.Count / _eta))
            {
                if (_promoted.Add(candidate.TrialNumber))
                {
                    return new TrialSuggestion(candidate.Parameters, _rungs[k + 1], candidate.TrialNumber);
                }
            }
        }

        return new TrialSuggestion(_space.Sample(new Random(TrialSeeds.For(_seed, trialNumber))), _rungs[0]);
    }
}
