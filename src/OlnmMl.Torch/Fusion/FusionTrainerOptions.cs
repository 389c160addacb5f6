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

    /// <summary>Float vector column holding the preprocessed image input, C·D·H·W values in C, D, H, W order (<see cref="ImageShape"/>).</summary>
    public string ImageColumnName { get; init; } = "Image";

    /// <summary>Float vector column of (already normalised) radiomics features.</summary>
    public string RadiomicsColumnName { get; init; } = "Radiomics";

    /// <summary>Text column naming each case's centre; null = positives are all same-label cases.</summary>
    public string? CentreColumnName { get; init; } = "Centre";

    /// <summary>Encoder name from <see cref="Networks.NetworkCatalog.Names"/> (every encoder's backbone unless <see cref="Encoders"/> says otherwise).</summary>
    public string Architecture { get; init; } = "resnet18";

    /// <summary>
    /// Shape of one case's image input, [C, D, H, W] (e.g. [2, 96, 96, 96] for CT + PET crops); required when the mode
    /// reads images. The image column must hold exactly C·D·H·W values: the shape is stated, never inferred.
    /// </summary>
    public IReadOnlyList<int>? ImageShape { get; init; }

    /// <summary>The image key of each channel (default: <c>ct</c> for one channel; required for more).</summary>
    public IReadOnlyList<string>? ChannelKeys { get; init; }

    /// <summary>
    /// The encoders: name → channel keys read (e.g. <c>ct</c> → [ct], <c>pet</c> → [pet] for the PET/CT signature's two
    /// backbones); null gives one encoder named <c>image</c> over all channels. All use <see cref="Architecture"/>.
    /// </summary>
    public IReadOnlyList<(string Name, IReadOnlyList<string> Channels)>? Encoders { get; init; }

    /// <summary>Description of how the image input was made (written into the saved model and its ONNX metadata).</summary>
    public string ImageRecipe { get; init; } = string.Empty;

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

    /// <summary>
    /// The schedule horizon H ≥ <see cref="Epochs"/>: the learning rate of epoch e is that of a training of H epochs (cosine decay
    /// to 0 at H), while training stops after <see cref="Epochs"/>; null: H = <see cref="Epochs"/>. With one horizon for all
    /// budgets, a shorter training is exactly the beginning of a longer one (successive halving's rungs: H = the largest budget).
    /// </summary>
    public int? ScheduleEpochs { get; init; }

    /// <summary>The horizon in force: <see cref="ScheduleEpochs"/>, else <see cref="Epochs"/>.</summary>
    public int ScheduleHorizon => ScheduleEpochs ?? Epochs;

    /// <summary>First epoch of cosine decay (0-based); constant η₀ before it.</summary>
    public int CosineDecayStartEpoch { get; init; } = 5;

    /// <summary>Random k·90° rotations of training crops.</summary>
    public bool RandomRotations { get; init; } = true;

    /// <summary>Random mirroring of training crops along each axis (<see cref="Training.RandomFlips"/>).</summary>
    public bool RandomFlips { get; init; }

    /// <summary>Contrast/brightness jitter strength s of training crops, (1 + a)·x + b with a, b in [−s, s] (<see cref="Training.IntensityJitter"/>); 0 = off.</summary>
    public double IntensityJitter { get; init; }

    /// <summary>Largest random translation of training crops in voxels per axis (<see cref="Training.RandomShifts"/>); 0 = off.</summary>
    public int MaxShift { get; init; }

    /// <summary>
    /// Factor on the learning rate of the encoders' parameters (the head and radiomics projection keep 1): below 1 fine-tunes
    /// pre-trained weights more gently than the fresh head, the usual choice on small data.
    /// </summary>
    public double EncoderLearningRateScale { get; init; } = 1;

    /// <summary>
    /// Epochs at the start during which the encoders are frozen (no gradient, batch norm in inference mode, so pre-trained
    /// running statistics are kept) and only the head and radiomics projection learn; 0 = train everything from the start.
    /// </summary>
    public int FreezeEncoderEpochs { get; init; }

    /// <summary>Stop after this many epochs without a better validation AUC (0 = run all epochs).</summary>
    public int EarlyStoppingPatience { get; init; } = 20;

    /// <summary>
    /// Seed of weight initialisation, shuffling and augmentation (epoch e shuffles and augments from its own stream,
    /// <see cref="Training.EpochRandom"/>); null (the default): drawn from the caller's
    /// <see cref="Microsoft.ML.MLContext"/> when the trainer is created (its <see cref="FusionTrainer.Options"/> hold the drawn seed).
    /// </summary>
    public int? Seed { get; init; }

    /// <summary>
    /// Optional initial weights of every encoder: a TorchSharp checkpoint or a PyTorch state_dict (.pt/.pth), loaded with
    /// <see cref="Weights.StrictLoadOptions.ForEncoder"/> (heads and decoders ignored, listed in <see cref="FusionTrainingReport.EncoderWeights"/>).
    /// </summary>
    public string? EncoderWeightsPath { get; init; }

    /// <summary>
    /// Where to write the training state at the end of training (<see cref="FusionTrainingState"/>: online and EMA weights, the
    /// best validation snapshot, Adam's moments and step count, the early-stopping counters and the loss/AUC history), or null
    /// (none is written). A later training with <see cref="ResumeStatePath"/> set to it continues exactly.
    /// </summary>
    public string? TrainingStatePath { get; init; }

    /// <summary>
    /// A training state (<see cref="TrainingStatePath"/> of an earlier training of the same network and options, any
    /// <see cref="Epochs"/>) to continue from, or null (train from scratch): the epochs it trained are not trained again,
    /// the next ones run up to <see cref="Epochs"/>, and the result — weights, validation AUCs, selected epoch — is the same as
    /// training <see cref="Epochs"/> epochs from scratch with the same seed and <see cref="ScheduleEpochs"/> (a promoted
    /// successive-halving trial continues its parent this way). A state of another training, or one past <see cref="Epochs"/>,
    /// is refused. Only the epochs trained by this call are told to <see cref="Progress"/>.
    /// </summary>
    public string? ResumeStatePath { get; init; }

    /// <summary>Told after every epoch this call trains (for progress display, pruning and memory monitoring); null = silent.</summary>
    public IProgress<FusionEpochProgress>? Progress { get; init; }

    /// <summary>Device and threads.</summary>
    public TorchDeviceOptions Device { get; init; } = new();
}
