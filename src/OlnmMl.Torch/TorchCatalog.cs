using Microsoft.ML;
using OlnmMl.Torch.Fusion;

namespace OlnmMl.Torch;

/// <summary>ML.NET catalog entry points of OlnmMl.Torch.</summary>
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
        new(CatalogContext(catalog), new FusionTrainerOptions
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
        new(CatalogContext(catalog), options);

    private static MLContext CatalogContext(BinaryClassificationCatalog.BinaryClassificationTrainers catalog) =>
        // The catalog's environment is internal to ML.NET; the trainer only needs an MLContext for
        // schema-level helpers, which carry no state from the caller's context.
        new();
}
