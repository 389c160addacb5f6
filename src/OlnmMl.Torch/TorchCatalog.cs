using Microsoft.ML;
using OlnmMl.Torch.Crops;
using OlnmMl.Torch.DeepFeatures;
using OlnmMl.Torch.Fusion;
using OlnmMl.Torch.Mil;

namespace OlnmMl.Torch;

/// <summary>
/// ML.NET catalog entry points of OlnmMl.Torch. A catalog's environment is internal to ML.NET;
/// the components only use an <see cref="MLContext"/> for schema-level helpers (custom mappings),
/// which carry no state from the caller's context, so each gets a fresh one.
/// </summary>
public static class TorchCatalog
{
    /// <summary>
    /// The radiomics–deep-learning fusion trainer with the published defaults (Adam 1e-4, batch 12,
    /// 100 epochs, cosine decay from epoch 5, random 90° rotations, CE + cross-centre SupCon, EMA).
    /// </summary>
    public static FusionTrainer Fusion(
        this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
        string labelColumnName = "Label",
        string imageColumnName = "Image",
        string radiomicsColumnName = "Radiomics",
        string? centreColumnName = "Centre",
        string architecture = "resnet18",
        string fusionMode = "concat",
        int seed = 42) =>
        new(new MLContext(), new FusionTrainerOptions
        {
            LabelColumnName = labelColumnName,
            ImageColumnName = imageColumnName,
            RadiomicsColumnName = radiomicsColumnName,
            CentreColumnName = centreColumnName,
            Architecture = architecture,
            Mode = FusionModeNames.Parse(fusionMode),
            Seed = seed,
        });

    /// <summary>The fusion trainer with every option given.</summary>
    public static FusionTrainer Fusion(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog, FusionTrainerOptions options) =>
        new(new MLContext(), options);

    /// <summary>The multi-instance (bags of 2D slices) trainer with every option given (<see cref="MilTrainerOptions"/> holds the defaults).</summary>
    public static MilTrainer Mil(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog, MilTrainerOptions options) =>
        new(new MLContext(), options);

    /// <summary>
    /// Pooled features of a 3D encoder (random or pre-trained weights) for each case's CT and mask
    /// paths, preprocessed by OlnmMl.Imaging with an on-disk crop cache.
    /// </summary>
    public static DeepFeaturesEstimator DeepFeatures(
        this TransformsCatalog catalog,
        string outputColumnName = "DeepFeatures",
        string imagePathColumnName = "ImagePath",
        string maskPathColumnName = "MaskPath",
        string architecture = "resnet18",
        string? encoderWeightsPath = null) =>
        new(new MLContext(), new DeepFeaturesOptions
        {
            OutputColumnName = outputColumnName,
            ImagePathColumnName = imagePathColumnName,
            MaskPathColumnName = maskPathColumnName,
            Architecture = architecture,
            EncoderWeightsPath = encoderWeightsPath,
        });

    /// <summary>Deep features with every option given.</summary>
    public static DeepFeaturesEstimator DeepFeatures(this TransformsCatalog catalog, DeepFeaturesOptions options) =>
        new(new MLContext(), options);

    /// <summary>
    /// Each case's preprocessed crop (CT, optional PET) as a float vector column, cached on disk:
    /// the image input of <see cref="Fusion(BinaryClassificationCatalog.BinaryClassificationTrainers, FusionTrainerOptions)"/>.
    /// </summary>
    public static CropsEstimator Crops(this TransformsCatalog catalog, CropsOptions options) => new(new MLContext(), options);
}
