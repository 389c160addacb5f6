using OlnmMl.Torch.Networks;

namespace OlnmMl.Torch.Fusion;

/// <summary>
/// The one description of a fusion network that builds both the TorchSharp module (<see cref="FusionNetwork"/>) and
/// the ONNX graph, and is stored with every saved model: the image input's explicit shape and channel keys, the
/// encoders (each reading some channels; their pooled features are concatenated into the deep vector d), the fusion
/// mode and the radiomics width k. Nothing about a network is ever recovered from its weights or a vector length.
/// </summary>
public sealed record FusionNetworkSpec
{
    /// <summary>Fusion mode (published name, e.g. <c>concat</c>, <c>deep-only</c>).</summary>
    public required string Mode { get; init; }

    /// <summary>Shape of one case's image input, [C, D, H, W]; empty for <c>radiomics-only</c>.</summary>
    public required IReadOnlyList<int> ImageShape { get; init; }

    /// <summary>The image key of each of the C channels, in order.</summary>
    public required IReadOnlyList<string> ChannelKeys { get; init; }

    /// <summary>The encoders; their features are concatenated in this order. Empty for <c>radiomics-only</c>.</summary>
    public required IReadOnlyList<EncoderSpec> Encoders { get; init; }

    /// <summary>Radiomics features k (0 when the mode reads none).</summary>
    public required int RadiomicsWidth { get; init; }

    /// <summary>The parsed <see cref="Mode"/>.</summary>
    public FusionMode ParsedMode => FusionModeNames.Parse(Mode);

    /// <summary>Floats in one case's image input: C·D·H·W (0 without images).</summary>
    public int ImageLength => ImageShape.Count == 0 ? 0 : ImageShape.Aggregate(1, (a, b) => a * b);

    /// <summary>
    /// The spec of a network with one encoder per group of channels: <paramref name="encoders"/> maps an encoder name
    /// to the channel keys it reads; null gives one encoder named <c>image</c> over all channels.
    /// </summary>
    public static FusionNetworkSpec Create(
        FusionMode mode, string architecture, IReadOnlyList<int> imageShape, IReadOnlyList<string> channelKeys, int radiomicsWidth,
        IReadOnlyList<(string Name, IReadOnlyList<string> Channels)>? encoders = null)
    {
        var usesImage = mode.UsesImage();
        var spec = new FusionNetworkSpec
        {
            Mode = mode.Name(),
            ImageShape = usesImage ? imageShape : [],
            ChannelKeys = usesImage ? channelKeys : [],
            Encoders = !usesImage ? [] : (encoders ?? [("image", channelKeys)]).Select(e => new EncoderSpec(e.Name, architecture, e.Channels)).ToArray(),
            RadiomicsWidth = mode.UsesRadiomics() ? radiomicsWidth : 0,
        };
        spec.Validate();
        return spec;
    }

    /// <summary>The indices into <see cref="ChannelKeys"/> of the channels <paramref name="encoder"/> reads.</summary>
    public long[] ChannelIndices(EncoderSpec encoder) =>
        encoder.Channels.Select(key => (long)ChannelKeys.ToList().IndexOf(key)).ToArray();

    /// <summary>Checks every invariant, naming the one broken.</summary>
    /// <exception cref="ArgumentException">The shape is not [C, D, H, W] with C = channel keys, an encoder reads an unknown channel or shares a name, an architecture is unknown, or the mode's inputs are missing.</exception>
    public void Validate()
    {
        var mode = ParsedMode;
        if (mode.UsesImage())
        {
            if (ImageShape.Count != 4 || ImageShape.Any(d => d < 1))
            {
                throw new ArgumentException($"The image shape must be [C, D, H, W] with positive sizes; it is [{string.Join(", ", ImageShape)}].");
            }

            if (ImageShape[0] != ChannelKeys.Count || ChannelKeys.Distinct().Count() != ChannelKeys.Count)
            {
                throw new ArgumentException($"The image shape has {ImageShape[0]} channel(s) but {ChannelKeys.Count} distinct channel keys were named ({string.Join(", ", ChannelKeys)}).");
            }

            if (Encoders.Count == 0)
            {
                throw new ArgumentException($"Fusion mode '{Mode}' needs at least one image encoder.");
            }
        }

        foreach (var encoder in Encoders)
        {
            if (encoder.Name.Length == 0 || !encoder.Name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                throw new ArgumentException($"Encoder name '{encoder.Name}' must be a lower-case identifier (a–z, 0–9, _).");
            }

            if (!NetworkCatalog.Names.Contains(encoder.Architecture.ToLowerInvariant()))
            {
                throw new ArgumentException($"Encoder '{encoder.Name}': unknown architecture '{encoder.Architecture}'; expected one of {string.Join(", ", NetworkCatalog.Names)}.");
            }

            if (encoder.Channels.Count == 0)
            {
                throw new ArgumentException($"Encoder '{encoder.Name}' reads no channel.");
            }

            if (encoder.Channels.FirstOrDefault(c => !ChannelKeys.Contains(c)) is { } unknown)
            {
                throw new ArgumentException(
                    $"Encoder '{encoder.Name}' reads channel '{unknown}', which the image input does not have (channels: {string.Join(", ", ChannelKeys)}).");
            }
        }

        if (Encoders.Select(e => e.Name).Distinct().Count() != Encoders.Count)
        {
            throw new ArgumentException($"Encoder names must be unique: {string.Join(", ", Encoders.Select(e => e.Name))}.");
        }

        if (mode.UsesRadiomics() && RadiomicsWidth < 1)
        {
            throw new ArgumentException($"Fusion mode '{Mode}' needs at least one radiomics feature.");
        }
    }

    /// <inheritdoc />
    public bool Equals(FusionNetworkSpec? other) =>
        other is not null && Mode == other.Mode && ImageShape.SequenceEqual(other.ImageShape) && ChannelKeys.SequenceEqual(other.ChannelKeys)
        && Encoders.SequenceEqual(other.Encoders) && RadiomicsWidth == other.RadiomicsWidth;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Mode, ImageLength, Encoders.Count, RadiomicsWidth);
}
