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

    /// <summary>Creates the trainer; prefer <c>mlContext.BinaryClassification.Trainers.Fusion(...)</c>.</summary>
    public FusionTrainer(MLContext mlContext, FusionTrainerOptions options)
    {
        this.mlContext = mlContext;
        Options = Validate(options);
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
        var mode = Options.Mode;
        int imageLength = mode.UsesImage() ? FusionDataset.VectorSize(trainData.Schema, Options.ImageColumnName, "training") : 0;
        int edge = mode.UsesImage() ? CubeEdge(imageLength) : 0;
        int radiomicsWidth = mode.UsesRadiomics() ? FusionDataset.VectorSize(trainData.Schema, Options.RadiomicsColumnName, "training") : 0;
        var train = FusionDataset.Read(trainData, Options, imageLength, radiomicsWidth, "training");
        var validation = validationData is null ? null : FusionDataset.Read(validationData, Options, imageLength, radiomicsWidth, "validation");
        if (train.Count < 2)
        {
            throw new ArgumentException($"The training data has {train.Count} rows; at least two are needed.", nameof(trainData));
        }
        var device = Options.Device.Resolve();
        var (network, report) = FusionTrainingLoop.Train(train, validation, Options, edge, device, cancellationToken);
        var info = new FusionModelInfo
        {
            Mode = mode.Name(),
            Architecture = Options.Architecture,
            ImageChannels = Options.ImageChannels,
            ImageEdge = edge,
            RadiomicsWidth = radiomicsWidth,
            ImageColumnName = Options.ImageColumnName,
            RadiomicsColumnName = Options.RadiomicsColumnName,
            Seed = Options.Seed,
            SelectedEpoch = report.SelectedEpoch,
        };
        return new FusionTransformer(mlContext, new FusionModel(network, info, device), report);
    }

    /// <summary>The input schema plus Score, Probability and PredictedLabel.</summary>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        var info = new FusionModelInfo
        {
            Mode = Options.Mode.Name(),
            Architecture = Options.Architecture,
            ImageChannels = Options.ImageChannels,
            ImageEdge = 1,
            RadiomicsWidth = 1,
            ImageColumnName = Options.ImageColumnName,
            RadiomicsColumnName = Options.RadiomicsColumnName,
            Seed = Options.Seed,
            SelectedEpoch = 0,
        };
        return FusionTransformer.CreateMapping(mlContext, info, static (_, _) => { }).GetOutputSchema(inputSchema);
    }

    private int CubeEdge(int imageLength)
    {
        int perChannel = imageLength / Options.ImageChannels;
        int edge = (int)Math.Round(Math.Cbrt(perChannel));
        if (perChannel * Options.ImageChannels != imageLength || edge * edge * edge != perChannel)
        {
            throw new ArgumentException(
                $"Column '{Options.ImageColumnName}' has {imageLength} values per row, which is not {Options.ImageChannels} channel(s) of a cube E³.");
        }
        return edge;
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
        Positive(options.ImageChannels, nameof(options.ImageChannels));
        if (options.LearningRate <= 0 || options.Temperature <= 0 || options.ContrastiveWeight < 0
            || options.EmaMomentum is < 0 or >= 1 || options.EarlyStoppingPatience < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options),
                "Fusion options need LearningRate > 0, Temperature > 0, ContrastiveWeight ≥ 0, 0 ≤ EmaMomentum < 1 and EarlyStoppingPatience ≥ 0.");
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
