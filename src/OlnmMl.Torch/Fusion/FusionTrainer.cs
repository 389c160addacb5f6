using Microsoft.ML;
using OlnmMl.Torch.Networks;

namespace OlnmMl.Torch.Fusion;

/// <summary>
/// Trains the radiomics–deep-learning fusion classifier (<see cref="FusionNetwork"/>) of the
/// published study on rows carrying an image crop vector, a radiomics vector, a Boolean label
/// and optionally a centre; see <see cref="FusionTrainerOptions"/> for the defaults.
/// <see cref="Fit(IDataView, IDataView?, CancellationToken)"/> selects the checkpoint on internal-validation rows
/// only. Deterministic per seed on CPU, also while other trainings run concurrently in the process
/// (every run draws from its own generators).
/// </summary>
public sealed class FusionTrainer : IEstimator<FusionTransformer>
{
    private readonly MLContext mlContext;

    /// <summary>Creates the trainer; prefer <c>mlContext.Torch().Fusion(...)</c>.</summary>
    public FusionTrainer(MLContext mlContext, FusionTrainerOptions options)
    {
        this.mlContext = mlContext;
        Options = Validate(options with { Seed = options.Seed ?? ContextSeed.Draw(mlContext, nameof(FusionTrainer)) });
    }

    /// <summary>The options in force.</summary>
    public FusionTrainerOptions Options { get; }

    /// <summary>Trains on <paramref name="input"/> for all epochs and keeps the last EMA model.</summary>
    public FusionTransformer Fit(IDataView input) => Fit(input, null);

    /// <summary>
    /// Trains on <paramref name="trainData"/>; when <paramref name="validationData"/> (the internal
    /// validation cohort) is given, keeps the EMA model of the epoch with the best validation AUC
    /// and stops early after <see cref="FusionTrainerOptions.EarlyStoppingPatience"/> stale epochs.
    /// <paramref name="cancellationToken"/> is checked before every mini-batch: cancelling stops the
    /// training there, disposes its tensors and throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public FusionTransformer Fit(IDataView trainData, IDataView? validationData, CancellationToken cancellationToken = default)
    {
        int radiomicsWidth = Options.Mode.UsesRadiomics() ? FusionDataset.VectorSize(trainData.Schema, Options.RadiomicsColumnName, "training") : 0;
        var spec = SpecFor(radiomicsWidth);
        return Train(
            spec,
            FusionDataset.Read(trainData, Options, spec.ImageLength, radiomicsWidth, "training"),
            validationData is null ? null : FusionDataset.Read(validationData, Options, spec.ImageLength, radiomicsWidth, "validation"),
            cancellationToken);
    }

    /// <summary>
    /// As <see cref="Fit(IDataView, IDataView?, CancellationToken)"/>, reading the cases from <paramref name="train"/> and
    /// <paramref name="validation"/> batch by batch (no ML.NET rows of whole volumes): each case's image is copied once,
    /// into its mini-batch. The samples' image length must be the network's C·D·H·W and their radiomics width k is the
    /// network's (0 for modes that read none).
    /// </summary>
    public FusionTransformer Fit(IFusionSamples train, IFusionSamples? validation, CancellationToken cancellationToken = default)
    {
        var spec = SpecFor(train.RadiomicsWidth);
        return Train(
            spec,
            FusionDataset.Of(train, spec.ImageLength, spec.RadiomicsWidth, "training"),
            validation is null ? null : FusionDataset.Of(validation, spec.ImageLength, spec.RadiomicsWidth, "validation"),
            cancellationToken);
    }

    private FusionTransformer Train(FusionNetworkSpec spec, FusionDataset train, FusionDataset? validation, CancellationToken cancellationToken)
    {
        if (Options.RandomRotations && spec.ImageShape is [_, var d, var h, var w] && (d != h || h != w))
        {
            throw new ArgumentException(
                $"Random 90° rotations need cubic crops; the image shape is [{string.Join(", ", spec.ImageShape)}] (set RandomRotations = false).");
        }
        if (train.Count < 2)
        {
            throw new ArgumentException($"The training data has {train.Count} rows; at least two are needed.", nameof(train));
        }
        var device = Options.Device.Resolve();
        var (network, report) = FusionTrainingLoop.Train(train, validation, Options, spec, device, cancellationToken);
        var info = new FusionModelInfo
        {
            Network = spec,
            ImageRecipe = Options.ImageRecipe,
            ImageColumnName = Options.ImageColumnName,
            RadiomicsColumnName = Options.RadiomicsColumnName,
            Seed = Options.Seed!.Value,
            SelectedEpoch = report.SelectedEpoch,
        };
        return new FusionTransformer(mlContext, new FusionModel(network, info, device), report);
    }

    /// <summary>The input schema plus Score, Probability and PredictedLabel.</summary>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        var info = new FusionModelInfo
        {
            Network = SpecFor(Options.Mode.UsesRadiomics() ? 1 : 0),
            ImageColumnName = Options.ImageColumnName,
            RadiomicsColumnName = Options.RadiomicsColumnName,
            Seed = Options.Seed!.Value,
            SelectedEpoch = 0,
        };
        return FusionTransformer.CreateMapping(mlContext, info, static (_, _) => { }).GetOutputSchema(inputSchema);
    }

    /// <summary>The network's spec from the options and the radiomics width k.</summary>
    /// <exception cref="ArgumentException">The mode reads images but no <see cref="FusionTrainerOptions.ImageShape"/> is given, or the spec is invalid.</exception>
    public FusionNetworkSpec SpecFor(int radiomicsWidth)
    {
        var mode = Options.Mode;
        if (!mode.UsesImage())
        {
            return FusionNetworkSpec.Create(mode, Options.Architecture, [], [], radiomicsWidth);
        }
        var shape = Options.ImageShape ?? throw new ArgumentException(
            $"Fusion mode '{mode.Name()}' reads images: set FusionTrainerOptions.ImageShape to the crop's [C, D, H, W] (e.g. CropOptions.Shape).");
        var keys = Options.ChannelKeys ?? (shape.Count > 0 && shape[0] == 1 ? ["ct"] : throw new ArgumentException(
            $"The image input has {(shape.Count > 0 ? shape[0] : 0)} channels: name them with FusionTrainerOptions.ChannelKeys (e.g. ct, pet)."));
        return FusionNetworkSpec.Create(mode, Options.Architecture, shape, keys, radiomicsWidth, Options.Encoders);
    }

    private static FusionTrainerOptions Validate(FusionTrainerOptions options)
    {
        if (!NetworkCatalog.Names.Contains(options.Architecture.ToLowerInvariant()))
        {
            throw new ArgumentException(
                $"Unknown architecture '{options.Architecture}'; expected one of {string.Join(", ", NetworkCatalog.Names)}.", nameof(options));
        }
        Positive(options.BatchSize, nameof(options.BatchSize));
        Positive(options.Epochs, nameof(options.Epochs));
        if (options.LearningRate <= 0 || options.Temperature <= 0 || options.ContrastiveWeight < 0
            || options.EmaMomentum is < 0 or >= 1 || options.EarlyStoppingPatience < 0 || options.ScheduleHorizon < options.Epochs)
        {
            throw new ArgumentOutOfRangeException(nameof(options),
                "Fusion options need LearningRate > 0, Temperature > 0, ContrastiveWeight ≥ 0, 0 ≤ EmaMomentum < 1, EarlyStoppingPatience ≥ 0 and ScheduleEpochs ≥ Epochs.");
        }
        return options;
    }

    private static void Positive(int value, string name)
    {
        if (value < 1)
        {
            throw new ArgumentOutOfRangeException(name, value, $"Fusion option {name} must be at least 1.");
        }
    }
}
