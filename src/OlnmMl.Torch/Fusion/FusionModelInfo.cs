namespace OlnmMl.Torch.Fusion;

/// <summary>
/// Everything needed to rebuild a trained fusion network and feed it: the saved-format version,
/// mode, encoder, input geometry and the column names it reads. Stored with the weights.
/// </summary>
public sealed record FusionModelInfo
{
    /// <summary>Version of the saved format written by this build.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>Saved-format version.</summary>
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>Fusion mode (published name, e.g. <c>concat</c>).</summary>
    public required string Mode { get; init; }

    /// <summary>Encoder architecture name.</summary>
    public required string Architecture { get; init; }

    /// <summary>Image channels C.</summary>
    public required int ImageChannels { get; init; }

    /// <summary>Crop edge E (images are C·E³ values).</summary>
    public required int ImageEdge { get; init; }

    /// <summary>Radiomics features k (0 for deep-only).</summary>
    public required int RadiomicsWidth { get; init; }

    /// <summary>Image column read at prediction time.</summary>
    public required string ImageColumnName { get; init; }

    /// <summary>Radiomics column read at prediction time.</summary>
    public required string RadiomicsColumnName { get; init; }

    /// <summary>Seed the model was trained with (provenance).</summary>
    public required int Seed { get; init; }

    /// <summary>The epoch whose EMA weights were kept.</summary>
    public required int SelectedEpoch { get; init; }

    /// <summary>The parsed <see cref="Mode"/>.</summary>
    public FusionMode ParsedMode => FusionModeNames.Parse(Mode);

    /// <summary>Number of floats in one image row: C·E³ (0 when the mode ignores images).</summary>
    public int ImageLength => ParsedMode.UsesImage() ? ImageChannels * ImageEdge * ImageEdge * ImageEdge : 0;
}
