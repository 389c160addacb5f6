namespace OlnmMl.Torch.Weights;

/// <summary>Key handling of <see cref="CheckpointLoader"/>.</summary>
public sealed record StrictLoadOptions
{
    /// <summary>Prefixes removed from file keys (DataParallel's <c>module.</c> by default).</summary>
    public IReadOnlyList<string> StripPrefixes { get; init; } = ["module."];

    /// <summary>File keys starting with these are allowed to have no counterpart (e.g. MedicalNet's <c>conv_seg.</c> decoder, a <c>fc.</c> head).</summary>
    public IReadOnlyList<string> IgnorePrefixes { get; init; } = [];

    /// <summary>
    /// For loading a classifier or segmentation checkpoint into a headless encoder: strips <c>module.</c> and
    /// SwinUNETR's <c>swinViT.</c> (so MONAI's full SwinUNETR checkpoints load into <c>swin</c>), and ignores a
    /// <c>fc.</c> / <c>class_layers.</c> / <c>classifier.</c> (torchvision DenseNet) head, MedicalNet's <c>conv_seg.</c>
    /// decoder and SwinUNETR's decoder (<c>encoder1.</c>–<c>encoder4.</c>, <c>encoder10.</c>, <c>decoder1.</c>–<c>decoder5.</c>,
    /// <c>out.</c>); every encoder entry must still be present with its shape. What was ignored is in the
    /// <see cref="CheckpointLoadSummary"/>.
    /// </summary>
    public static StrictLoadOptions ForEncoder { get; } = new()
    {
        StripPrefixes = ["module.", "swinViT."],
        IgnorePrefixes =
        [
            "fc.", "class_layers.", "classifier.", "conv_seg.",
            "encoder1.", "encoder2.", "encoder3.", "encoder4.", "encoder10.",
            "decoder1.", "decoder2.", "decoder3.", "decoder4.", "decoder5.", "out.",
        ],
    };
}
