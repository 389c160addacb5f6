using OlnmMl.AutoML.Spaces;

namespace OlnmMl.AutoML.Tuners;

/// <summary>
/// SMAC-style Bayesian optimisation (Hutter, Hoos &amp; Leyton-Brown 2011): after
/// <see cref="SmacOptions.InitialRandomTrials"/> random trials, a random-forest surrogate is fitted to the unit-encoded
/// configurations and their losses, and the next configuration maximises expected improvement over the best loss
/// among random candidates and Gaussian neighbours of the best configurations. Inactive conditional parameters are
/// encoded as −1. Trial n uses the generator <see cref="TrialSeeds.For"/>(seed, n).
/// </summary>
public sealed class SmacTuner : ITuner
{
    private readonly Spaces.SearchSpace _space;
    private readonly int _seed;
    private readonly SmacOptions _options;
    private readonly SortedDictionary<int, (ParameterSet Parameters, double Loss)> _completed = [];

    /// <summary>Creates a SMAC tuner over <paramref name="space"/>.</summary>
    public SmacTuner(Spaces.SearchSpace space, int seed, SmacOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        _space = space;
        _seed = seed;
        _options = options ?? new SmacOptions();
        if (_options.InitialRandomTrials < 2 || _options.Trees < 1 || _options.RandomCandidates < 1 || _options.MaxObservations < 2)
        {
            throw new ArgumentException(
                $"SMAC options need InitialRandomTrials >= 2, Trees >= 1, RandomCandidates >= 1 and MaxObservations >= 2; got {_options}.",
                nameof(options));
        }
    }

    /// <inheritdoc />
    public string Name => "smac";

    /// <inheritdoc />
    public void Tell(TunerObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        if (observation is { IsFinished: true, Loss: { } loss } && double.IsFinite(loss))
        {
            _completed[observation.TrialNumber] = (observation.Parameters, loss);
        }
        else
        {
            _completed.Remove(observation.TrialNumber);
        }
    }

    /// <inheritdoc />
    public TrialSuggestion? Propose(int trialNumber)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trialNumber);
        var random = new Random(TrialSeeds.For(_seed, trialNumber));
        if (_completed.Count < _options.InitialRandomTrials)
        {
            return new TrialSuggestion(_space.Sample(random));
        }

        var training = TrainingSet();
        var dimension = _space.Count;
        var features = new double[training.Count * dimension];
        var targets = new double[training.Count];
        for (var i = 0; i < training.Count; i++)
        {
            _space.Encode(training[i].Parameters, features.AsSpan(i * dimension, dimension));
            targets[i] = training[i].Loss;
        }

        // Fit on log(1 + y − min y): monotone, so the incumbent stays the incumbent, but a few very poor
        // configurations no longer dominate the forest's splits and variance (SMAC's log-cost transform).
        var lowest = targets.Min();
        for (var i = 0; i < targets.Length; i++)
        {
            targets[i] = Math.Log(1 + targets[i] - lowest);
        }

        var forest = RegressionForest.Fit(features, targets, dimension, _options.Trees, _options.MinLeafSize, random);
        var best = targets.Min();
        var seen = new HashSet<ParameterSet>(training.Select(t => t.Parameters));
        ParameterSet? chosen = null;
        var chosenScore = double.NegativeInfinity;
        var encoded = new double[dimension];

        void Consider(ParameterSet candidate)
        {
            if (seen.Contains(candidate))
            {
                return;
            }

            _space.Encode(candidate, encoded);
            var (mean, variance) = forest.Predict(encoded);
            var score = ExpectedImprovement.Compute(mean, Math.Sqrt(variance), best, _options.Xi);
            if (score > chosenScore)
            {
                chosenScore = score;
                chosen = candidate;
            }
        }

        for (var i = 0; i < _options.RandomCandidates; i++)
        {
            Consider(_space.Sample(random));
        }

        var starts = training.OrderBy(t => t.Loss).Take(_options.LocalSearchStarts).Select(t => t.Parameters).ToList();
        var unit = new double[dimension];
        foreach (var start in starts)
        {
            for (var k = 0; k < _options.NeighboursPerStart; k++)
            {
                _space.Encode(start, unit);
                Perturb(unit, random);
                Consider(_space.Decode(unit));
            }
        }

        return new TrialSuggestion(chosen ?? _space.Sample(random));
    }

    private List<(ParameterSet Parameters, double Loss)> TrainingSet()
    {
        var all = _completed.Values.ToList();
        if (all.Count <= _options.MaxObservations)
        {
            return all;
        }

        var half = _options.MaxObservations / 2;
        var byNumber = _completed.ToList();
        var chosen = new HashSet<int>(byNumber.Skip(byNumber.Count - half).Select(p => p.Key));
        foreach (var (number, _) in byNumber.OrderBy(p => p.Value.Loss))
        {
            if (chosen.Count >= _options.MaxObservations)
            {
                break;
            }

            chosen.Add(number);
        }

        return byNumber.Where(p => chosen.Contains(p.Key)).Select(p => p.Value).ToList();
    }

    private void Perturb(Span<double> unit, Random random)
    {
        // Move every active slot with probability 1/2 (at least one): numbers by a Gaussian step, categories to a random slot.
        var moved = false;
        for (var i = 0; i < unit.Length; i++)
        {
            var last = i == unit.Length - 1 && !moved;
            if (!last && random.NextDouble() < 0.5)
            {
                continue;
            }

            moved = true;
            if (_space.Parameters[i] is CategoricalParameter)
            {
                unit[i] = random.NextDouble();
            }
            else
            {
                // Step SDs of LocalStepSize × {1, 1/4, 1/16}: coarse moves explore, fine ones converge.
                var scale = _options.LocalStepSize / Math.Pow(4, random.Next(3));
                var step = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                unit[i] = Math.Clamp((unit[i] < 0 ? random.NextDouble() : unit[i]) + (scale * step), 0, 1);
            }
        }
    }
}
