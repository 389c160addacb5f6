using OlnmMl.Imaging.Preprocessing;

namespace OlnmMl.Torch.Pretraining;

/// <summary>
/// Options of <see cref="Pretrainer"/>. Defaults follow Swin UNETR's pre-training where it applies (all losses weighted 1,
/// projection width 512) and are ours otherwise (Adam lr 1e-3 held constant; NT-Xent τ = 0.5; 4 cutout cubes of E/8…E/4).
/// </summary>
public sealed record PretrainingOptions
{
    /// <summary>Encoder name from <see cref="Networks.NetworkCatalog.Names"/>; the saved weights fit it.</summary>
    public string Architecture { get; init; } = "resnet10-tiny";

    /// <summary>The proxy tasks; their losses are summed with weight 1 each.</summary>
    public PretrainingTasks Tasks { get; init; } = PretrainingTasks.Rotation | PretrainingTasks.Inpainting;

    /// <summary>Crop recipe: its first channel (the CT or the CT in the peritumoral shell, with its window), spacing and cube edge (a multiple of 8; default the whole CT, 32³ at 1.5 mm).</summary>
    public CropOptions Crop { get; init; } = new() { Edge = 32, Spacing = 1.5, RequireMaskInsideCrop = false };

    /// <summary>Folder of the crop cache (crops of volumes with masks).</summary>
    public string CacheDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "olnm-crops");

    /// <summary>Epochs (passes over the volumes).</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Mini-batch size (at least 2; the last partial batch is skipped when it has one volume).</summary>
    public int BatchSize { get; init; } = 8;

    /// <summary>Adam learning rate.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>NT-Xent temperature τ.</summary>
    public double Temperature { get; init; } = 0.5;

    /// <summary>Cutout cubes per crop for inpainting.</summary>
    public int CutoutBoxes { get; init; } = 4;

    /// <summary>Seed of the weights, shuffling and corruptions; epoch e draws from its own stream, so a resumed run matches an uninterrupted one.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The encoder's weights (PyTorch state_dict, encoder names only) written at the end.</summary>
    public required string OutputPath { get; init; }

    /// <summary>The checkpoint written after every epoch (default: <see cref="OutputPath"/> + <c>.checkpoint</c>).</summary>
    public string? CheckpointPath { get; init; }

    /// <summary>Continue from the checkpoint when it exists (it must be of the same network, tasks, crop and seed).</summary>
    public bool Resume { get; init; }

    /// <summary>Told after every batch; null = silent.</summary>
    public IProgress<PretrainingProgress>? Progress { get; init; }

    /// <summary>Device and threads.</summary>
    public TorchDeviceOptions Device { get; init; } = new();

    /// <summary>The checkpoint path in force.</summary>
    public string Checkpoint => CheckpointPath ?? OutputPath + ".checkpoint";

    /// <summary>What a checkpoint must match to be resumed: network, tasks, crop recipe, seed, batch size.</summary>
    public string Fingerprint() => FormattableString.Invariant(
        $"pretrain-v1;{Architecture};{PretrainingTaskNames.Of(Tasks)};{Crop.Fingerprint()};seed={Seed};batch={BatchSize};lr={LearningRate};tau={Temperature};boxes={CutoutBoxes}");
}

/// <summary>Progress of a pre-training: batch <paramref name="Batch"/> of <paramref name="Batches"/> in epoch <paramref name="Epoch"/> (0-based) of <paramref name="Epochs"/>, and the epoch's mean loss so far.</summary>
public readonly record struct PretrainingProgress(int Epoch, int Epochs, int Batch, int Batches, double Loss);

/// <summary>What a pre-training did: the mean loss of every task per epoch run (this call's epochs), the first epoch run, and throughput.</summary>
/// <param name="FirstEpoch">The epoch this call started at (0, or the checkpoint's next epoch on resume).</param>
/// <param name="Losses">Per epoch run: task name → mean loss over its batches.</param>
/// <param name="VolumesPerSecond">Crops processed per second of training (loading excluded).</param>
public sealed record PretrainingReport(int FirstEpoch, IReadOnlyList<IReadOnlyDictionary<string, double>> Losses, double VolumesPerSecond);
