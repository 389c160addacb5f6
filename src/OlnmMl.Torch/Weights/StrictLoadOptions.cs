namespace OlnmMl.Torch.Weights;

/// <summary>Key handling of <see cref="CheckpointLoader"/>.</summary>
public sealed record StrictLoadOptions
{
    /// <summary>Prefixes removed from file keys (DataParallel's <c>module.</c> by default).</summary>
    public IReadOnlyList<string> StripPrefixes { get; init; } = ["module."];

    /// <summary>File keys starting with these are allowed to have no counterpart (e.g. MedicalNet's <c>conv_seg.</c> decoder, a <c>fc.</c> head).</summary>
    public IReadOnlyList<string> IgnorePrefixes { get; init; } = [];

    /// <summary>
    /// For loading a classifier or segmentation checkpoint into a headless encoder: strips
    /// <c>module.</c> and ignores a <c>fc.</c> / <c>class_layers.</c> / <c>classifier.</c> (torchvision DenseNet) head and MedicalNet's
    /// <c>conv_seg.</c> decoder; every encoder entry must still be present with its shape.
    /// </summary>
    public static StrictLoadOptions ForEncoder { get; } = new() { IgnorePrefixes = ["fc.", "class_layers.", "classifier.", "conv_seg."] };
}
