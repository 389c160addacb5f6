using Microsoft.ML;
using OlnmMl.Torch.Crops;
using OlnmMl.Torch.DeepFeatures;
using OlnmMl.Torch.Fusion;
using OlnmMl.Torch.Mil;

namespace OlnmMl.Torch;

/// <summary>
/// ML.NET entry points of OlnmMl.Torch, bound to the caller's context: <c>mlContext.Torch().Fusion(…)</c>. ML.NET keeps a
/// catalog's environment internal (<c>GetEnvironment()</c>), so extension methods on <c>mlContext.BinaryClassification.Trainers</c>
/// could only build on a fresh <see cref="MLContext"/>; binding the catalog to the context, as <c>mlContext.Auto()</c> does,
/// hands every component the caller's. A component whose options give no seed draws one from that context
/// (<c>new MLContext(seed: s)</c> makes it reproducible).
/// </summary>
public sealed class TorchCatalog
{
    private readonly MLContext mlContext;

    internal TorchCatalog(MLContext mlContext) => this.mlContext = mlContext;

    /// <summary>
    /// The radiomics–deep-learning fusion trainer with the published defaults (Adam 1e-4, batch 12,
    /// 100 epochs, cosine decay from epoch 5, random 90° rotations, CE + cross-centre SupCon, EMA);
    /// <paramref name="seed"/> null draws it from the context.
    /// </summary>
    public FusionTrainer Fusion(
        string labelColumnName = "Label",
        string imageColumnName = "Image",
        string radiomicsColumnName = "Radiomics",
        string? centreColumnName = "Centre",
        string architecture = "resnet18",
        string fusionMode = "concat",
        int? seed = null) =>
        Fusion(new FusionTrainerOptions
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
    public FusionTrainer Fusion(FusionTrainerOptions options) => new(mlContext, options);

    /// <summary>The multi-instance (bags of 2D slices) trainer with every option given (<see cref="MilTrainerOptions"/> holds the defaults).</summary>
    public MilTrainer Mil(MilTrainerOptions options) => new(mlContext, options);

    /// <summary>
    /// Pooled features of a 3D encoder (random or pre-trained weights) for each case's CT and mask
    /// paths, preprocessed by OlnmMl.Imaging with an on-disk crop cache.
    /// </summary>
    public DeepFeaturesEstimator DeepFeatures(
        string outputColumnName = "DeepFeatures",
        string imagePathColumnName = "ImagePath",
        string maskPathColumnName = "MaskPath",
        string architecture = "resnet18",
        string? encoderWeightsPath = null) =>
        DeepFeatures(new DeepFeaturesOptions
        {
            OutputColumnName = outputColumnName,
            ImagePathColumnName = imagePathColumnName,
            MaskPathColumnName = maskPathColumnName,
            Architecture = architecture,
            EncoderWeightsPath = encoderWeightsPath,
        });

    /// <summary>Deep features with every option given.</summary>
    public DeepFeaturesEstimator DeepFeatures(DeepFeaturesOptions options) => new(mlContext, options);

    /// <summary>
    /// Each case's preprocessed crop (CT, optional PET) as a float vector column, cached on disk:
    /// the image input of <see cref="Fusion(FusionTrainerOptions)"/>.
    /// </summary>
    public CropsEstimator Crops(CropsOptions options) => new(mlContext, options);
}
