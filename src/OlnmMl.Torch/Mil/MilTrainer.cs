using OlnmMl.Torch.Networks;

namespace OlnmMl.Torch.Mil;

/// <summary>
/// Trains a multi-instance classifier (<see cref="MilNetwork"/>) on patients given as bags of 2D instances
/// (<see cref="IBagSamples"/>), bag-level (end to end) or instance-level with a patient-level aggregation fitted on the
/// training bags afterwards (<see cref="MilTrainerOptions"/> holds every default). Deterministic per seed on CPU, also
/// while other trainings run concurrently in the process.
/// </summary>
public sealed class MilTrainer
{
    /// <summary>Creates the trainer.</summary>
    /// <exception cref="ArgumentException">An option is out of range or names an unknown architecture.</exception>
    public MilTrainer(MilTrainerOptions options) => Options = Validate(options);

    /// <summary>The options in force.</summary>
    public MilTrainerOptions Options { get; }

    /// <summary>
    /// Trains on every bag of <paramref name="train"/> for <see cref="MilTrainerOptions.Epochs"/> epochs. The histogram
    /// classifier of instance-level training is fitted on <paramref name="aggregation"/> when given (bags the network did
    /// not train on, whose instance probabilities are not overfitted as the training bags' are), else on
    /// <paramref name="train"/>. <paramref name="cancellationToken"/> is checked before every mini-batch.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than two bags, or only one class, in either set.</exception>
    public MilTransformer Fit(IBagSamples train, IBagSamples? aggregation = null, CancellationToken cancellationToken = default)
    {
        var labels = BothClasses(train, nameof(train));
        var spec = SpecFor(train);
        var device = Options.Device.Resolve();
        var (network, losses) = MilTrainingLoop.Train(train, Options, spec, device, cancellationToken);
        HistogramClassifier? histogram = null;
        if (Options.Mode == MilTrainingMode.InstanceLevel && Options.Aggregation == MilAggregation.Histogram)
        {
            var bags = aggregation ?? train;
            var (_, _, instances) = MilScoring.Run(network, bags, Options.BatchSize, device);
            histogram = HistogramClassifier.Fit(instances, BothClasses(bags, nameof(aggregation)), Options.HistogramBins, Options.HistogramL2);
        }
        var info = new MilModelInfo
        {
            Network = spec,
            Mode = Options.Mode,
            Aggregation = Options.Aggregation,
            Histogram = histogram,
            Seed = Options.Seed,
            Epochs = Options.Epochs,
        };
        return new MilTransformer(new MilModel(network, info, device), losses);
    }

    /// <summary>The network's spec for bags of <paramref name="samples"/>' instance shape.</summary>
    public MilNetworkSpec SpecFor(IBagSamples samples)
    {
        var spec = new MilNetworkSpec
        {
            Architecture = Options.Architecture,
            InstanceShape = [samples.Channels, samples.Height, samples.Width],
            Pooling = Options.Pooling.Name(),
            AttentionWidth = Options.AttentionWidth,
        };
        spec.Validate();
        return spec;
    }

    private static bool[] BothClasses(IBagSamples bags, string name)
    {
        var labels = Enumerable.Range(0, bags.Count).Select(bags.Label).ToArray();
        if (bags.Count < 2 || labels.All(l => l) || !labels.Any(l => l))
        {
            throw new ArgumentException($"MIL training needs at least two bags of both classes; got {bags.Count} bag(s), {labels.Count(l => l)} positive.", name);
        }
        return labels;
    }

    private static MilTrainerOptions Validate(MilTrainerOptions options)
    {
        if (!NetworkCatalog.Names2d.Contains(options.Architecture.ToLowerInvariant()))
        {
            throw new ArgumentException(
                $"A MIL instance encoder must be a 2D network; '{options.Architecture}' is not one of {string.Join(", ", NetworkCatalog.Names2d)}.", nameof(options));
        }
        if (options.BatchSize < 1 || options.Epochs < 1 || options.AttentionWidth < 1 || options.HistogramBins < 1
            || options.LearningRate <= 0 || options.WeightDecay < 0 || options.HistogramL2 < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options),
                "MIL options need BatchSize, Epochs, AttentionWidth and HistogramBins ≥ 1, LearningRate > 0, WeightDecay ≥ 0 and HistogramL2 ≥ 0.");
        }
        if (options.Mode == MilTrainingMode.InstanceLevel && options.Pooling.IsAttention())
        {
            throw new ArgumentException(
                "Instance-level training never trains attention pooling, so its bag features would be untrained: use Pooling = Mean or Max.", nameof(options));
        }
        return options;
    }
}
