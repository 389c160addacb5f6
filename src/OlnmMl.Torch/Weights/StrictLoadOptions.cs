namespace OlnmMl.Torch.Weights;

/// <summary>Key handling of <see cref="CheckpointLoader"/>.</summary>
public sealed record StrictLoadOptions
{
    /// <summary>Prefixes removed from file keys (DataParallel's <c>module.</c> by default).</summary>
    public IReadOnlyList<string> StripPrefixes { get; init; } = ["module."];

    /// <summary>File keys starting with these are allowed to have no counterpart (e.g. MedicalNet's <c>conv_seg.</c> decoder, a <c>fc.</c> head).</summary>
    public IReadOnlyList<string> IgnorePrefixes { get; init; } = [];
}
