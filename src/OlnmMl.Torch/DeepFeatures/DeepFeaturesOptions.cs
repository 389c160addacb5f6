using OlnmMl.Imaging.Preprocessing;
using OlnmMl.Torch.Fusion;

namespace OlnmMl.Torch.DeepFeatures;

/// <summary>
/// Options of <see cref="DeepFeaturesEstimator"/>: which path columns to read, how cases are
/// preprocessed (<see cref="CropOptions"/>, cached on disk), and which encoder produces the
/// pooled features (random with <see cref="Seed"/>, or initialised from <see cref="EncoderWeightsPath"/>).
/// </summary>
public sealed record DeepFeaturesOptions
{
    /// <summary>Output vector column.</summary>
    public string OutputColumnName { get; init; } = "DeepFeatures";

    /// <summary>Text column with the CT path.</summary>
    public string ImagePathColumnName { get; init; } = "ImagePath";

    /// <summary>Text column with the mask path.</summary>
    public string MaskPathColumnName { get; init; } = "MaskPath";

    /// <summary>Optional text column with a PET path (adds a second channel).</summary>
    public string? PetPathColumnName { get; init; }

    /// <summary>Encoder name from <see cref="Networks.NetworkCatalog.Names"/>.</summary>
    public string Architecture { get; init; } = "resnet18";

    /// <summary>
    /// PyTorch state_dict or TorchSharp checkpoint for the encoder (strict, <see cref="Weights.StrictLoadOptions.ForEncoder"/>: a
    /// <c>fc.</c> head, MedicalNet's <c>conv_seg.</c> and a full SwinUNETR checkpoint's decoder are ignored, and listed in
    /// <see cref="DeepFeaturesTransformer.EncoderWeights"/>).
    /// </summary>
    public string? EncoderWeightsPath { get; init; }

    /// <summary>
    /// When set, the encoder is fine-tuned on the fitting rows before it is frozen: a
    /// <c>deep-only</c> <see cref="FusionTrainer"/> run with these options (their label and centre
    /// columns; architecture, channels, initial weights and the image column are taken from here),
    /// keeping its EMA encoder. Null = no fine-tuning (random or loaded weights as they are).
    /// </summary>
    public FusionTrainerOptions? FineTuning { get; init; }

    /// <summary>Resampling, intensity window and crop; the published defaults (1 mm, [−1600, 400] HU, 96³).</summary>
    public CropOptions Crop { get; init; } = new();

    /// <summary>Folder of the crop cache (content-keyed, shared across runs).</summary>
    public string CacheDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "olnm-crops");

    /// <summary>
    /// Seed of the random initialisation (used when no weights are given); null (the default): drawn from the caller's
    /// <see cref="Microsoft.ML.MLContext"/> when the estimator is created (its <see cref="DeepFeaturesEstimator.Options"/> hold the drawn seed).
    /// </summary>
    public int? Seed { get; init; }

    /// <summary>Device and threads.</summary>
    public TorchDeviceOptions Device { get; init; } = new();
}
