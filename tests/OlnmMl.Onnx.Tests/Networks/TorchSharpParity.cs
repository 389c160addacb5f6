using OlnmMl.Onnx.Graph;
using OlnmMl.Onnx.Networks;
using OlnmMl.Onnx.Scoring;
using OlnmMl.Torch.Fusion;
using static TorchSharp.torch;

namespace OlnmMl.Onnx.Tests.Networks;

/// <summary>
/// ONNX Runtime against OlnmMl.Torch's own <see cref="FusionNetwork"/> (TorchSharp, eval mode): randomise
/// the network so every parameter matters, export it with its parameters handed over as a name → (data,
/// shape) map, and score the same random input both ways.
/// </summary>
internal static class TorchSharpParity
{
    /// <summary>
    /// Randomises <paramref name="network"/> (built with <paramref name="mode"/> over <paramref name="radiomicsCount"/>
    /// radiomics features) by <see cref="Randomise"/> and <see cref="ScaleHeadToUnitLogits"/>, exports it to
    /// <paramref name="path"/> under the exporter's mode name <paramref name="modeName"/>, and returns TorchSharp's and
    /// ONNX Runtime's pN+ probabilities (softmax column 1) for <paramref name="batch"/> uniform random volumes of edge
    /// <paramref name="size"/> with standard-normal radiomics. Draws from the global torch generator.
    /// </summary>
    public static (float[] Expected, float[] Actual) ExportAndScore(
        FusionNetwork network, FusionMode mode, string modeName, int radiomicsCount, int batch, int size, string path)
    {
        Randomise(network);
        network.eval();
        using var image = rand([batch, 1L, size, size, size]);
        using var radiomics = randn([batch, (long)radiomicsCount]);
        ScaleHeadToUnitLogits(network, image, radiomics);
        var weights = network.state_dict()
            .Where(kv => kv.Value.dtype == ScalarType.Float32)
            .ToDictionary(kv => kv.Key, kv => new ParameterTensor(kv.Value.data<float>().ToArray(), kv.Value.shape));
        var names = Enumerable.Range(0, radiomicsCount).Select(i => $"f{i}").ToArray();
        FusedModelExporter.Export(FusedModelDefinition.ForFusionNetwork(weights, modeName, size, names, network.Spec.Encoders.Count == 0 ? EncoderFamily.ResNet : EncoderFamilies.Of(network.Spec.Encoders[0].Architecture)), new OnnxModelMetadata(), path);

        float[] expected;
        using (no_grad())
        using (var logits = network.forward(image, radiomics))
        using (var p = nn.functional.softmax(logits, 1)[.., 1])
        {
            expected = p.data<float>().ToArray();
        }

        using var scorer = new OnnxScorer(path);
        var inputs = new Dictionary<string, OnnxInput>();
        if (mode != FusionMode.RadiomicsOnly)
        {
            inputs["image"] = new(image.data<float>().ToArray(), [batch, 1, size, size, size]);
        }

        if (mode != FusionMode.DeepOnly)
        {
            inputs["radiomics"] = new(radiomics.data<float>().ToArray(), [batch, radiomicsCount]);
        }

        return (expected, scorer.Predict(inputs));
    }

    /// <summary>
    /// Redraws the head so that its logits are of order 1 on these inputs (deep random encoders give
    /// features of very different scales, and saturated probabilities would hide a wrong logit).
    /// </summary>
    public static void ScaleHeadToUnitLogits(FusionNetwork network, Tensor image, Tensor radiomics)
    {
        using var noGrad = no_grad();
        using var embedding = network.Embedding(image, radiomics);
        var scale = 1 / ((embedding.std().item<float>() + 1e-6f) * MathF.Sqrt(embedding.shape[1]));
        var head = network.named_parameters().Single(p => p.name == "head.weight").parameter;
        head.copy_(randn_like(head) * scale);
    }

    /// <summary>
    /// Random BatchNorm/LayerNorm affines and statistics, learnable modality weights (a fresh network has 1, 0, 0, 1 and
    /// 1, 1) and Swin relative-position bias tables of unit scale (fresh: σ = 0.02), so that every parameter matters.
    /// Any module: a fusion network or an encoder on its own.
    /// </summary>
    public static void Randomise(nn.Module network)
    {
        using var noGrad = no_grad();
        foreach (var (name, buffer) in network.named_buffers())
        {
            if (name.EndsWith("running_mean", StringComparison.Ordinal))
            {
                buffer.copy_(randn_like(buffer) * 0.1);
            }
            else if (name.EndsWith("running_var", StringComparison.Ordinal))
            {
                buffer.copy_(rand_like(buffer) + 0.5);
            }
        }

        foreach (var (name, parameter) in network.named_parameters())
        {
            var isNorm = name.Contains("bn", StringComparison.Ordinal) || name.Contains("norm", StringComparison.Ordinal) || name.Contains("downsample.1", StringComparison.Ordinal);
            if (name.EndsWith("relative_position_bias_table", StringComparison.Ordinal))
            {
                parameter.copy_(randn_like(parameter));
            }
            else if (name is "deep_weight" or "radiomics_weight")
            {
                parameter.copy_((rand_like(parameter) * 0.5) + 0.5);
            }
            else if (isNorm && name.EndsWith("weight", StringComparison.Ordinal))
            {
                parameter.copy_(rand_like(parameter) + 0.5);
            }
            else if (isNorm && name.EndsWith("bias", StringComparison.Ordinal))
            {
                parameter.copy_(randn_like(parameter) * 0.1);
            }
        }
    }

}
