namespace OlnmMl.AutoML.Tuners;

/// <summary>Independent uniform sampling; trial n draws from a generator seeded by <see cref="TrialSeeds.For"/>(seed, n).</summary>
public sealed class RandomTuner : ITuner
{
    private readonly Spaces.SearchSpace _space;
    private readonly int _seed;

    /// <summary>Creates a random tuner over <paramref name="space"/>.</summary>
    public RandomTuner(Spaces.SearchSpace space, int seed)
    {
        ArgumentNullException.ThrowIfNull(space);
        _space = space;
        _seed = seed;
    }

    /// <inheritdoc />
    public string Name => "random";

    /// <inheritdoc />
    public TrialSuggestion? Propose(int trialNumber)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trialNumber);
        return new TrialSuggestion(_space.Sample(new Random(TrialSeeds.For(_seed, trialNumber))));
    }

    /// <inheritdoc />
    public void Tell(TunerObservation observation) => ArgumentNullException.ThrowIfNull(observation);
}
