using Microsoft.ML;

namespace OlnmMl.Onnx.Networks;

/// <summary>
/// Everything needed to write a fused image (+ PET) + radiomics model as one graph: the trained
/// parameters in PyTorch <c>state_dict</c> naming, where each part lives in it, and the
/// radiomics preprocessing fitted on the training rows.
/// </summary>
public sealed record FusedModelDefinition
{
    /// <summary>All trained parameters and buffers, by their PyTorch names.</summary>
    public required IReadOnlyDictionary<string, ParameterTensor> Weights { get; init; }

    /// <summary>The image inputs and their encoders, in the order their features are merged; empty for a radiomics-only model.</summary>
    public IReadOnlyList<EncoderInput> Encoders { get; init; } = [];

    /// <summary>
    /// True (OlnmMl.Torch's FusionNetwork): the encoders' pooled features are concatenated into one deep vector, which is
    /// one modality of the head. False: each encoder's features are a modality of their own.
    /// </summary>
    public bool EncodersAsOneModality { get; init; } = true;

    /// <summary>Prefix of the head's parameters.</summary>
    public string HeadPrefix { get; init; } = "";

    /// <summary>Edge length S of the cubic input volumes [N, C, S, S, S].</summary>
    public int ImageSize { get; init; } = 96;

    /// <summary>How the image inputs are made (the recipe), written into the input contracts of the metadata.</summary>
    public string ImageRecipe { get; init; } = string.Empty;

    /// <summary>Raw radiomics feature names k, in input order; empty for an image-only model.</summary>
    public IReadOnlyList<string> RadiomicsFeatureNames { get; init; } = [];

    /// <summary>Normalisation and selection applied to the radiomics input inside the graph; null feeds it unchanged.</summary>
    public RadiomicsPreprocessing? Radiomics { get; init; }

    /// <summary>
    /// Alternatively, the fitted ML.NET steps (normalisers, OlnmMl feature selectors) that turn the raw radiomics
    /// vector column <see cref="RadiomicsColumnName"/> into the network's radiomics input; applied after <see cref="Radiomics"/>.
    /// </summary>
    public ITransformer? RadiomicsSteps { get; init; }

    /// <summary>The vector column <see cref="RadiomicsSteps"/> read and rewrite.</summary>
    public string RadiomicsColumnName { get; init; } = "Features";

    /// <summary>The fusion head.</summary>
    public FusionHeadSpec Head { get; init; } = new();

    /// <summary>
    /// The definition of an OlnmMl.Torch <c>FusionNetwork</c> state dict with one encoder named <paramref name="encoder"/>
    /// (parameters under <c>encoders.NAME.</c>, input <c>image</c>) of <paramref name="family"/>, the head per
    /// <see cref="FusionHeadSpec.ForFusionNetwork"/>, for a published mode name and crop edge; <c>deep-only</c> gets no
    /// radiomics input (the network ignores it) and <c>radiomics-only</c> no image input (it has no encoder).
    /// <paramref name="layout"/> is the encoder's layout (default: the default ResNet layout).
    /// </summary>
    public static FusedModelDefinition ForFusionNetwork(
        IReadOnlyDictionary<string, ParameterTensor> weights, string mode, int imageEdge, IReadOnlyList<string> radiomicsFeatureNames,
        EncoderFamily family = EncoderFamily.ResNet, int channels = 1, string encoder = "image", ResNetOnnxOptions? layout = null) =>
        new()
        {
            Weights = weights,
            Encoders = string.Equals(mode, "radiomics-only", StringComparison.OrdinalIgnoreCase)
                ? []
                : [new EncoderInput(FusedModelExporter.ImageInput, $"encoders.{encoder}.", family, channels) { Layout = layout ?? new() }],
            ImageSize = imageEdge,
            RadiomicsFeatureNames = string.Equals(mode, "deep-only", StringComparison.OrdinalIgnoreCase) ? [] : radiomicsFeatureNames,
            Head = FusionHeadSpec.ForFusionNetwork(mode),
        };
}
