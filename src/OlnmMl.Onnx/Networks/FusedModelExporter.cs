using OlnmMl.Onnx.Export;
using OlnmMl.Onnx.Graph;

namespace OlnmMl.Onnx.Networks;

/// <summary>
/// Writes a fused model as one ONNX graph: inputs <c>image</c> [N,C,S,S,S] (and <c>pet</c>) and
/// <c>radiomics</c> [N,k], output <c>probability</c> [N]. CT (and PET) go through their ResNet,
/// DenseNet or Swin encoders (told apart by their parameter names), radiomics through the fitted normalisation and selection, then the fusion head.
/// </summary>
public static class FusedModelExporter
{
    /// <summary>Name of the CT volume input.</summary>
    public const string ImageInput = "image";

    /// <summary>Name of the PET volume input.</summary>
    public const string PetInput = "pet";

    /// <summary>Name of the radiomics input.</summary>
    public const string RadiomicsInput = "radiomics";

    /// <summary>Name of the probability output.</summary>
    public const string ProbabilityOutput = "probability";

    /// <summary>Builds the graph.</summary>
    /// <exception cref="ArgumentException">Preprocessing lengths disagree with the radiomics feature count.</exception>
    /// <exception cref="KeyNotFoundException">A parameter named by the layout is missing.</exception>
    public static OnnxGraphBuilder BuildGraph(FusedModelDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var weights = new StateDict(definition.Weights);
        var g = new OnnxGraphBuilder("olnm_fused");
        var modalities = new List<string>();
        var size = definition.ImageSize;

        string Volume(string input, string prefix)
        {
            var encoder = weights.Scope(prefix);
            var channels = encoder.Get(ConvStem(encoder), rank: 5).Shape[1];
            g.AddInput(input, OnnxElementType.Float, OnnxDim.Batch, channels, size, size, size);
            if (SwinEncoderOnnx.IsSwin(encoder))
            {
                return SwinEncoderOnnx.AppendEncoder(g, input, encoder, size).Features;
            }

            return DenseNet3dOnnx.IsDenseNet(encoder)
                ? DenseNet3dOnnx.AppendEncoder(g, input, encoder, definition.Encoder.BatchNormEpsilon).Features
                : ResNet3dOnnx.AppendEncoder(g, input, encoder, definition.Encoder).Features;
        }

        // Radiomics-only models (no encoder weights) have no image input.
        if (HasEncoder(weights.Scope(definition.ImageEncoderPrefix)))
        {
            modalities.Add(Volume(ImageInput, definition.ImageEncoderPrefix));
        }

        if (definition.PetEncoderPrefix is { } pet)
        {
            modalities.Add(Volume(PetInput, pet));
        }

        var k = definition.RadiomicsFeatureNames.Count;
        if (k > 0)
        {
            var x = g.AddInput(RadiomicsInput, OnnxElementType.Float, OnnxDim.Batch, k);
            var width = k;
            if (definition.Radiomics is { } prep)
            {
                if (prep.Offset.Length != k || prep.Scale.Length != k)
                {
                    throw new ArgumentException(
                        $"Radiomics preprocessing has {prep.Offset.Length} offsets and {prep.Scale.Length} scales for {k} features.", nameof(definition));
                }

                x = TabularOps.Affine(g, x, prep.Offset, prep.Scale, "radiomics_normalized");
                if (prep.SelectedSlots.Length > 0)
                {
                    x = TabularOps.SelectSlots(g, x, prep.SelectedSlots, "radiomics_selected");
                    width = prep.SelectedSlots.Length;
                }
            }

            if (definition.RadiomicsSteps is { } steps)
            {
                x = TabularPipelineExporter.AppendFeatureSteps(g, steps, definition.RadiomicsColumnName, x, width);
            }

            modalities.Add(x);
        }

        var probability = FusionHeadOnnx.Append(g, modalities, weights.Scope(definition.HeadPrefix), definition.Head);
        g.AddOutput(probability, ProbabilityOutput, OnnxElementType.Float, OnnxDim.Batch);
        return g;
    }

    private static string ConvStem(StateDict encoder) =>
        SwinEncoderOnnx.IsSwin(encoder) ? SwinEncoderOnnx.StemWeight
        : DenseNet3dOnnx.IsDenseNet(encoder) ? "features.conv0.weight"
        : "conv1.weight";

    private static bool HasEncoder(StateDict encoder) => encoder.Contains(ConvStem(encoder));

    /// <summary>Writes the model with its input/output contracts added to <paramref name="metadata"/>; returns the file size in bytes.</summary>
    public static long Export(FusedModelDefinition definition, OnnxModelMetadata metadata, string path)
    {
        var g = BuildGraph(definition);
        var contracts = new List<OnnxTensorContract>();
        var weights = new StateDict(definition.Weights);
        long Channels(string prefix) => weights.Scope(prefix).Get(ConvStem(weights.Scope(prefix))).Shape[1];
        var s = definition.ImageSize;
        if (HasEncoder(weights.Scope(definition.ImageEncoderPrefix)))
        {
            contracts.Add(new OnnxTensorContract(ImageInput, [-1, Channels(definition.ImageEncoderPrefix), s, s, s], [], "CT crop around the tumour, 1 mm isotropic, scaled to [0, 1]"));
        }
        if (definition.PetEncoderPrefix is { } pet)
        {
            contracts.Add(new OnnxTensorContract(PetInput, [-1, Channels(pet), s, s, s], [], "PET crop, co-registered with the CT crop"));
        }

        if (definition.RadiomicsFeatureNames.Count > 0)
        {
            contracts.Add(new OnnxTensorContract(RadiomicsInput, [-1, definition.RadiomicsFeatureNames.Count], definition.RadiomicsFeatureNames, "raw radiomics features (normalised inside the graph)"));
        }

        var full = metadata with
        {
            Inputs = contracts,
            Outputs = [new OnnxTensorContract(ProbabilityOutput, [-1], [], "positive-class (pN+) probability")],
        };
        return OnnxModelWriter.Write(g, full, path);
    }
}
