namespace OlnmMl.Torch.Mil;

/// <summary>
/// Options of <see cref="MilTrainer"/>, every default here: 2D ResNet-18 instance encoder, Adam at lr 1e-4, 50 epochs, 4 bags per mini-batch,
/// attention pooling (L = 128), end-to-end bag-level training, a 10-bin prediction histogram for instance-level
/// training, seed 42.
/// </summary>
public sealed record MilTrainerOptions
{
    /// <summary>Column of each bag's instances (rows of an <c>IDataView</c>): a float vector of n·C·H·W values, variable length.</summary>
    public string InstancesColumnName { get; init; } = "Instances";

    /// <summary>Boolean label column (true = node-positive).</summary>
    public string LabelColumnName { get; init; } = "Label";

    /// <summary>Shape [C, H, W] of one instance; required to read bags from rows (an <see cref="IBagSamples"/> states its own).</summary>
    public IReadOnlyList<int>? InstanceShape { get; init; }

    /// <summary>Instance encoder: a 2D network of <see cref="Networks.NetworkCatalog.Names2d"/>.</summary>
    public string Architecture { get; init; } = "resnet18-2d";

    /// <summary>
    /// Optional initial weights of the instance encoder (e.g. ImageNet or RadImageNet): a TorchSharp checkpoint or a
    /// PyTorch state_dict (.pt/.pth) with torchvision names; a classification head in it is ignored.
    /// </summary>
    public string? EncoderWeightsPath { get; init; }

    /// <summary>How instance features are pooled into the bag vector (instance-level training needs mean or max: nothing trains attention there).</summary>
    public MilPoolingKind Pooling { get; init; } = MilPoolingKind.Attention;

    /// <summary>Hidden width L of attention pooling.</summary>
    public int AttentionWidth { get; init; } = 128;

    /// <summary>Bag-level (end to end) or instance-level training.</summary>
    public MilTrainingMode Mode { get; init; } = MilTrainingMode.BagLevel;

    /// <summary>Instance-level training: how instance probabilities become the patient's.</summary>
    public MilAggregation Aggregation { get; init; } = MilAggregation.Histogram;

    /// <summary>Bins K of the prediction histogram.</summary>
    public int HistogramBins { get; init; } = 10;

    /// <summary>L2 penalty λ of the histogram classifier's logistic regression.</summary>
    public double HistogramL2 { get; init; } = 1e-3;

    /// <summary>Adam learning rate.</summary>
    public double LearningRate { get; init; } = 1e-4;

    /// <summary>Adam weight decay (L2).</summary>
    public double WeightDecay { get; init; }

    /// <summary>When true, every training bag is turned by a random multiple of 90° in plane (<see cref="BagAugmentation"/>).</summary>
    public bool RandomRotations { get; init; }

    /// <summary>When true, every training bag is flipped left–right with probability ½ (<see cref="BagAugmentation"/>).</summary>
    public bool RandomFlips { get; init; }

    /// <summary>Bags per mini-batch (instance-level training reads all real instances of these bags).</summary>
    public int BatchSize { get; init; } = 4;

    /// <summary>Number of epochs.</summary>
    public int Epochs { get; init; } = 50;

    /// <summary>
    /// Seed of weight initialisation (the run's own torch <see cref="TorchSharp.torch.Generator"/>) and shuffling; null (the
    /// default): drawn from the caller's <see cref="Microsoft.ML.MLContext"/> when the trainer is created (its
    /// <see cref="MilTrainer.Options"/> hold the drawn seed).
    /// </summary>
    public int? Seed { get; init; }

    /// <summary>Told after every epoch (0-based epoch, mean training loss); null = silent.</summary>
    public IProgress<(int Epoch, double TrainingLoss)>? Progress { get; init; }

    /// <summary>Device and threads.</summary>
    public TorchDeviceOptions Device { get; init; } = new();
}
