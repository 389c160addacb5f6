using OlnmMl.Onnx.Graph;
using OlnmMl.Onnx.Networks;
using OlnmMl.Onnx.Scoring;
using OlnmMl.Torch.Fusion;
using static TorchSharp.torch;

namespace OlnmMl.Workflows.Trials;

/// <summary>
/// The one mapping from a fusion network's <see cref="FusionNetworkSpec"/> to its ONNX graph and inputs: one ONNX image
/// input per encoder (named as the encoder, holding the encoder's channels of the image input in its order), the
/// radiomics input, the head. Used by the trial's export and by anyone who scores the exported file.
/// </summary>
public static class FusionOnnx
{
    /// <summary>
    /// The exporter's definition of <paramref name="network"/> (its float parameters and buffers, its spec, each encoder's
    /// layout by <see cref="EncoderLayouts"/>),
    /// with <paramref name="imageRecipe"/> written into the input contracts and, for modes that read radiomics, the raw
    /// feature names and the fitted normalisation and selection.
    /// </summary>
    public static FusedModelDefinition Definition(
        FusionNetwork network, string imageRecipe, IReadOnlyList<string> radiomicsNames, RadiomicsPreprocessing? radiomics)
    {
        var spec = network.Spec;
        var usesRadiomics = spec.ParsedMode.UsesRadiomics();
        return new FusedModelDefinition
        {
            Weights = network.state_dict()
                .Where(kv => kv.Value.dtype == ScalarType.Float32)
                .ToDictionary(kv => kv.Key, kv => new ParameterTensor(kv.Value.cpu().data<float>().ToArray(), kv.Value.shape)),
            Encoders = spec.Encoders
                .Select(e => new EncoderInput(e.Name, e.ParameterPrefix, EncoderFamilies.Of(e.Architecture), e.Channels.Count, $"channels {string.Join(", ", e.Channels)}")
                {
                    Layout = EncoderLayouts.Of(network.Encoder(e.Name)),
                })
                .ToArray(),
            ImageSize = CubeEdge(spec),
            ImageRecipe = imageRecipe,
            RadiomicsFeatureNames = usesRadiomics ? radiomicsNames : [],
            Radiomics = usesRadiomics ? radiomics : null,
            Head = FusionHeadSpec.ForFusionNetwork(spec.Mode),
        };
    }

    /// <summary>
    /// The ONNX inputs of <paramref name="count"/> cases: <paramref name="images"/> holds their image inputs case-major
    /// ([count, C, D, H, W] of the spec), split into one input per encoder; <paramref name="radiomics"/> their raw
    /// radiomics ([count, k]) when the mode reads them.
    /// </summary>
    public static Dictionary<string, OnnxInput> Inputs(FusionNetworkSpec spec, ReadOnlySpan<float> images, ReadOnlySpan<float> radiomics, int count)
    {
        var inputs = new Dictionary<string, OnnxInput>();
        if (spec.Encoders.Count > 0)
        {
            var plane = spec.ImageLength / spec.ImageShape[0];
            int[] spatial = [spec.ImageShape[1], spec.ImageShape[2], spec.ImageShape[3]];
            foreach (var encoder in spec.Encoders)
            {
                var channels = spec.ChannelIndices(encoder);
                var values = new float[count * channels.Length * plane];
                for (var n = 0; n < count; n++)
                {
                    for (var c = 0; c < channels.Length; c++)
                    {
                        images.Slice((n * spec.ImageLength) + ((int)channels[c] * plane), plane).CopyTo(values.AsSpan(((n * channels.Length) + c) * plane, plane));
                    }
                }

                inputs[encoder.Name] = new(values, [count, channels.Length, .. spatial]);
            }
        }

        if (spec.ParsedMode.UsesRadiomics())
        {
            inputs[FusedModelExporter.RadiomicsInput] = new(radiomics.ToArray(), [count, radiomics.Length / count]);
        }

        return inputs;
    }

    /// <summary>The cube edge S of an image input [C, S, S, S] (the ONNX encoders take cubes); 0 without images.</summary>
    /// <exception cref="NotSupportedException">The image input is not a cube.</exception>
    private static int CubeEdge(FusionNetworkSpec spec) => spec.ImageShape switch
    {
        [] => 0,
        [_, var d, var h, var w] when d == h && h == w => d,
        var shape => throw new NotSupportedException($"ONNX export takes cubic image inputs; this model's is [{string.Join(", ", shape)}]."),
    };
}
