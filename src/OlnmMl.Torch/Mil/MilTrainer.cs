using Microsoft.ML;
using OlnmMl.Torch.Networks;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Mil;

/// <summary>
/// Trains a multi-instance classifier (<see cref="MilNetwork"/>) on patients given as bags of 2D instances
/// (<see cref="IBagSamples"/>), bag-level (end to end) or instance-level with a patient-level aggregation fitted
/// afterwards (<see cref="MilTrainerOptions"/> holds every default). An ML.NET estimator: <see cref="Fit(IDataView)"/>
/// reads one bag per row (see <see cref="MilTransformer"/>). Deterministic per seed on CPU, also while other trainings
/// run concurrently in the process.
/// </summary>
public sealed class MilTrainer : IEstimator<MilTransformer>
{
    private readonly MLContext mlContext;

    /// <summary>Creates the trainer; prefer <c>mlContext.Torch().Mil(...)</c>.</summary>
    /// <exception cref="ArgumentException">An option is out of range or names an architecture that is not a 2D catalog network.</exception>
    public MilTrainer(MLContext mlContext, MilTrainerOptions options)
    {
        this.mlContext = mlContext;
        Options = Validate(options with { Seed = options.Seed ?? ContextSeed.Draw(mlContext, nameof(MilTrainer)) });
    }

    /// <summary>The options in force.</summary>
    public MilTrainerOptions Options { get; }

    /// <summary>
    /// Trains on the bags of <paramref name="input"/>: column <see cref="MilTrainerOptions.InstancesColumnName"/> holds each
    /// bag's n·C·H·W values for the stated <see cref="MilTrainerOptions.InstanceShape"/>, <see cref="MilTrainerOptions.LabelColumnName"/> its label.
    /// </summary>
    /// <exception cref="ArgumentException">No instance shape is set, a column is missing, or a bag is not a whole number of instances.</exception>
    public MilTransformer Fit(IDataView input) => Fit(ArrayBags.Read(input, Options.InstancesColumnName, Options.LabelColumnName, RequireShape()));

    /// <summary>The input schema plus Score, Probability, PredictedLabel and BagFeatures.</summary>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        using var generator = new Generator(0);
        using var encoder = NetworkCatalog.Create(Options.Architecture, RequireShape()[0], generator: generator);
        return MilTransformer.CreateMapping(mlContext, Options.InstancesColumnName, encoder.FeatureWidth, static (_, _) => { }).GetOutputSchema(inputSchema);
    }

    /// <summary>
    /// Trains on every bag of <paramref name="train"/> for <see cref="MilTrainerOptions.Epochs"/> epochs; with
    /// <paramref name="validation"/> (bag-level training), keeps the epoch of highest validation AUC. The histogram
    /// classifier of instance-level training is fitted on <paramref name="aggregation"/> when given (bags the network did
    /// not train on, whose instance probabilities are not overfitted as the training bags' are), else on
    /// <paramref name="train"/>. <paramref name="cancellationToken"/> is checked before every mini-batch.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than two bags, or only one class, in either set.</exception>
    public MilTransformer Fit(IBagSamples train, IBagSamples? aggregation = null, CancellationToken cancellationToken = default, IBagSamples? validation = null)
    {
        _ = BothClasses(train, nameof(train));
        var spec = SpecFor(train);
        var device = Options.Device.Resolve();
        var (network, losses) = MilTrainingLoop.Train(train, validation, Options, spec, device, cancellationToken);
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
            Seed = Options.Seed!.Value,
            Epochs = Options.Epochs,
        };
        return new MilTransformer(mlContext, new MilModel(network, info, device), Options.InstancesColumnName, losses);
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

    private IReadOnlyList<int> RequireShape() => Options.InstanceShape ?? throw new ArgumentException(
        "Reading bags from rows needs MilTrainerOptions.InstanceShape, the [C, H, W] of one instance: it is stated, never inferred.");

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
