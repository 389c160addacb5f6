namespace OlnmMl.Torch.Fusion;

/// <summary>
/// Everything needed to rebuild a trained fusion network and feed it: the saved-format version, the network's
/// <see cref="FusionNetworkSpec"/> (explicit input shape, channel keys, encoders, mode), the image recipe that made
/// its inputs, and the column names it reads. Stored with the weights.
/// </summary>
public sealed record FusionModelInfo
{
    /// <summary>
    /// Version of the saved format written by this build: 3, since the <c>-medicalnet</c> rows have MedicalNet's dilated
    /// layer3/4. Format 2 (multi-encoder spec) is read unless an encoder is a <c>-medicalnet</c> row: those were built
    /// undilated then, and their weights would load with the same shapes into another network (<see cref="FormatProblem"/>).
    /// Format 1 (single encoder) is refused.
    /// </summary>
    public const int CurrentFormatVersion = 3;

    /// <summary>Format versions this build reads (format 2 only without a <c>-medicalnet</c> encoder).</summary>
    public static IReadOnlyList<int> ReadableFormatVersions { get; } = [2, CurrentFormatVersion];

    /// <summary>Saved-format version.</summary>
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>The network's description.</summary>
    public required FusionNetworkSpec Network { get; init; }

    /// <summary>How the image input was made from a case's images (e.g. the crop recipe's description); empty when not told.</summary>
    public string ImageRecipe { get; init; } = string.Empty;

    /// <summary>Image column read at prediction time.</summary>
    public required string ImageColumnName { get; init; }

    /// <summary>Radiomics column read at prediction time.</summary>
    public required string RadiomicsColumnName { get; init; }

    /// <summary>Seed the model was trained with (provenance).</summary>
    public required int Seed { get; init; }

    /// <summary>The epoch whose EMA weights were kept.</summary>
    public required int SelectedEpoch { get; init; }

    /// <summary>Fusion mode (published name).</summary>
    public string Mode => Network.Mode;

    /// <summary>The parsed <see cref="Mode"/>.</summary>
    public FusionMode ParsedMode => Network.ParsedMode;

    /// <summary>Radiomics features k (0 for deep-only).</summary>
    public int RadiomicsWidth => Network.RadiomicsWidth;

    /// <summary>Number of floats in one image row: C·D·H·W (0 when the mode ignores images).</summary>
    public int ImageLength => Network.ImageLength;

    /// <summary>
    /// Null when a file of format <paramref name="formatVersion"/> holding this description builds the network it was
    /// trained as; otherwise why not (one line). Format 2 built the <c>-medicalnet</c> rows without MedicalNet's dilation.
    /// </summary>
    public string? FormatProblem(int formatVersion) =>
        formatVersion < CurrentFormatVersion && Network.Encoders.FirstOrDefault(e => e.Architecture.EndsWith("-medicalnet", StringComparison.OrdinalIgnoreCase)) is { } encoder
            ? $"its encoder '{encoder.Name}' is {encoder.Architecture}, which format {formatVersion} built without MedicalNet's dilated layer3/4 (this build's {encoder.Architecture} would score it as another network)"
            : null;
}
