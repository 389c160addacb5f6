using OlnmMl.Onnx.Export;
using OlnmMl.Onnx.Graph;

namespace OlnmMl.Onnx.Networks;

/// <summary>
/// Writes a fused model as one ONNX graph: one image input per <see cref="FusedModelDefinition.Encoders"/> entry
/// (e.g. <c>image</c>, or <c>ct</c> and <c>pet</c>) of shape [N,C,S,S,S], and <c>radiomics</c> [N,k]; output
/// <c>probability</c> [N]. Each image goes through its ResNet, DenseNet or Swin encoder (the family the definition
/// names), radiomics through the fitted normalisation and selection, then the fusion head.
/// </summary>
public static class FusedModelExporter
{
    /// <summary>Name of the image input of a single-encoder model.</summary>
    public const string ImageInput = "image";

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
        var deep = new List<string>();
        foreach (var input in definition.Encoders)
        {
            var encoder = weights.Scope(input.ParameterPrefix);
            g.AddInput(input.InputName, OnnxElementType.Float, OnnxDim.Batch, input.Channels, size, size, size);
            deep.Add(input.Family switch
            {
                EncoderFamily.Swin => SwinEncoderOnnx.AppendEncoder(g, input.InputName, encoder, size).Features,
                EncoderFamily.DenseNet => DenseNetOnnx.AppendEncoder(g, input.InputName, encoder, input.Layout.BatchNormEpsilon).Features,
                _ => ResNetOnnx.AppendEncoder(g, input.InputName, encoder, input.Layout).Features,
            });
        }

        if (definition.EncodersAsOneModality && deep.Count > 1)
        {
            modalities.Add(g.AddNode("Concat", deep, "deep_features", OnnxAttribute.Int("axis", 1)));
        }
        else
        {
            modalities.AddRange(deep);
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

    /// <summary>Writes the model with its input/output contracts added to <paramref name="metadata"/>; returns the file size in bytes.</summary>
    public static long Export(FusedModelDefinition definition, OnnxModelMetadata metadata, string path)
    {
        var g = BuildGraph(definition);
        var contracts = new List<OnnxTensorContract>();
        var s = definition.ImageSize;
        foreach (var input in definition.Encoders)
        {
            var description = string.Join("; ", new[] { input.Description, definition.ImageRecipe }.Where(d => d.Length > 0));
            contracts.Add(new OnnxTensorContract(input.InputName, [-1, input.Channels, s, s, s], [], description));
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
