namespace OlnmMl.Torch.Fusion;

/// <summary>
/// Options of <see cref="FusionTrainer"/>. Defaults are those of the published fusion study
/// (Adam, lr 1e-4, batch 12, 100 epochs, cosine decay from epoch 5, random 90° rotations,
/// ResNet-18, concat fusion); the contrastive weight/temperature and EMA momentum are ours.
/// </summary>
public sealed record FusionTrainerOptions
{
    /// <summary>Boolean label column (true = node-positive).</summary>
    public string LabelColumnName { get; init; } = "Label";

    /// <summary>Float vector column holding the preprocessed image crop, C·E³ values in C, D, H, W order.</summary>
    public string ImageColumnName { get; init; } = "Image";

    /// <summary>Float vector column of (already normalised) radiomics features.</summary>
    public string RadiomicsColumnName { get; init; } = "Radiomics";

    /// <summary>Text column naming each case's centre; null = positives are all same-label cases.</summary>
    public string? CentreColumnName { get; init; } = "Centre";

    /// <summary>Encoder name from <see cref="Networks.NetworkCatalog.Names"/>.</summary>
    public string Architecture { get; init; } = "resnet18";

    /// <summary>Image channels C (e.g. 2 for PET + CT).</summary>
    public int ImageChannels { get; init; } = 1;

    /// <summary>Fusion mode.</summary>
    public FusionMode Mode { get; init; } = FusionMode.Concat;

    /// <summary>Weight λ of the contrastive term: loss = CE + λ·SupCon. 0 disables it.</summary>
    public double ContrastiveWeight { get; init; } = 0.1;

    /// <summary>Temperature τ of the contrastive loss.</summary>
    public double Temperature { get; init; } = 0.1;

    /// <summary>Momentum m of the EMA model used for validation and prediction.</summary>
    public double EmaMomentum { get; init; } = 0.99;

    /// <summary>Adam learning rate η₀.</summary>
    public double LearningRate { get; init; } = 1e-4;

    /// <summary>Adam weight decay (L2).</summary>
    public double WeightDecay { get; init; }

    /// <summary>Mini-batch size.</summary>
    public int BatchSize { get; init; } = 12;

    /// <summary>Number of epochs E.</summary>
    public int Epochs { get; init; } = 100;

    /// <summary>First epoch of cosine decay (0-based); constant η₀ before it.</summary>
    public int CosineDecayStartEpoch { get; init; } = 5;

    /// <summary>Random k·90° rotations of training crops.</summary>
    public bool RandomRotations { get; init; } = true;

    /// <summary>Stop after this many epochs without a better validation AUC (0 = run all epochs).</summary>
    public int EarlyStoppingPatience { get; init; } = 20;

    /// <summary>Seed of weight initialisation, shuffling and augmentation.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Optional initial encoder weights: a TorchSharp checkpoint or a PyTorch state_dict (.pt/.pth).</summary>
    public string? EncoderWeightsPath { get; init; }

    /// <summary>Told after every epoch (for progress display and memory monitoring); null = silent.</summary>
    public IProgress<FusionEpochProgress>? Progress { get; init; }

    /// <summary>Device and threads.</summary>
    public TorchDeviceOptions Device { get; init; } = new();
}
