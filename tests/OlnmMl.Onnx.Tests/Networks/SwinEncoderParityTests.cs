using OlnmMl.Onnx.Graph;
using OlnmMl.Onnx.Networks;
using OlnmMl.Onnx.Scoring;
using OlnmMl.Torch.Fusion;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace OlnmMl.Onnx.Tests.Networks;

/// <summary>
/// ONNX Runtime vs OlnmMl.Torch's <see cref="FusionNetwork"/> with the Swin-UNETR encoder ("swin": C = 48, window 7,
/// patch 2), TorchSharp eval mode, parameters handed over as a name → (data, shape) map (the int64
/// <c>relative_position_index</c> buffers are left out: the exporter rebuilds them). A 32³ volume gives grids 16³ and 8³
/// (window 7: padded and shifted, so the shift mask and padding act), 4³ and 2³ (shrunken, unshifted windows), then 1³;
/// a 48³ volume reaches an odd grid (3³), which patch merging pads.
/// </summary>
public sealed class SwinEncoderParityTests(ITestOutputHelper output) : IDisposable
{
    private const int RadiomicsCount = 5;
    private readonly string _folder = Directory.CreateTempSubdirectory("olnm-onnx-swin-").FullName;

    [Theory]
    [InlineData(1, 32)]
    [InlineData(2, 32)]
    [InlineData(1, 48)]
    public void Exported_swin_fusion_network_matches_torchsharp(int batch, int size)
    {
        manual_seed(100 + batch);
        using var network = new FusionNetwork(FusionMode.ConcatProjected, "swin", imageChannels: 1, radiomicsWidth: RadiomicsCount);
        Randomise(network);
        network.eval();
        using var image = rand([batch, 1L, size, size, size]);
        using var radiomics = randn([batch, (long)RadiomicsCount]);
        ScaleHeadToUnitLogits(network, image, radiomics);
        var weights = network.state_dict()
            .Where(kv => kv.Value.dtype == ScalarType.Float32)
            .ToDictionary(kv => kv.Key, kv => new ParameterTensor(kv.Value.data<float>().ToArray(), kv.Value.shape));
        var path = Path.Combine(_folder, "swin.onnx");
        var names = Enumerable.Range(0, RadiomicsCount).Select(i => $"f{i}").ToArray();
        FusedModelExporter.Export(FusedModelDefinition.ForFusionNetwork(weights, "concat*", size, names), new OnnxModelMetadata(), path);

        float[] expected;
        using (no_grad())
        using (var logits = network.forward(image, radiomics))
        using (var p = nn.functional.softmax(logits, 1)[.., 1])
        {
            expected = p.data<float>().ToArray();
        }

        using var scorer = new OnnxScorer(path);
        var actual = scorer.Predict(new Dictionary<string, OnnxInput>
        {
            ["image"] = new(image.data<float>().ToArray(), [batch, 1, size, size, size]),
            ["radiomics"] = new(radiomics.data<float>().ToArray(), [batch, RadiomicsCount]),
        });

        var maxDelta = expected.Select((e, i) => Math.Abs(e - actual[i])).Max();
        output.WriteLine($"TorchSharp swin concat* {size}³ batch {batch}: max |Δp| = {maxDelta:E2}; p = {string.Join(", ", expected.Select(v => v.ToString("F4")))}");
        Assert.Equal(batch, actual.Length);
        Assert.True(maxDelta <= 1e-4, $"max |Δp| = {maxDelta}");
        Assert.Contains(expected, v => v is > 0.01f and < 0.99f);
    }

    [Fact]
    public void A_volume_smaller_than_the_patch_is_rejected_naming_the_stem()
    {
        // Patch 2 (kernel [2,2,2]) cannot embed a 1³ volume: there would be no token.
        var weights = new Dictionary<string, ParameterTensor> { ["encoder.patch_embed.proj.weight"] = new(new float[8 * 8], [8, 1, 2, 2, 2]) };
        var error = Assert.Throws<ArgumentException>(() =>
            SwinEncoderOnnx.AppendEncoder(new OnnxGraphBuilder("swin"), "image", new StateDict(weights).Scope("encoder."), imageEdge: 1));
        Assert.Contains("encoder.patch_embed.proj.weight", error.Message, StringComparison.Ordinal);
        Assert.Equal("imageEdge", error.ParamName);
    }

    /// <summary>Redraws the head so that its logits are of order 1 on these inputs (saturated probabilities would hide a wrong logit).</summary>
    private static void ScaleHeadToUnitLogits(FusionNetwork network, Tensor image, Tensor radiomics)
    {
        using var noGrad = no_grad();
        using var embedding = network.Embedding(image, radiomics);
        var scale = 1 / ((embedding.std().item<float>() + 1e-6f) * MathF.Sqrt(embedding.shape[1]));
        var head = network.named_parameters().Single(p => p.name == "head.weight").parameter;
        head.copy_(randn_like(head) * scale);
    }

    /// <summary>
    /// Random LayerNorm affines (a fresh one is 1, 0) and relative-position bias tables of unit scale (fresh: σ = 0.02),
    /// so that a wrong bias index, norm or mask changes the probability well beyond the tolerance.
    /// </summary>
    private static void Randomise(FusionNetwork network)
    {
        using var noGrad = no_grad();
        foreach (var (name, parameter) in network.named_parameters())
        {
            if (name.EndsWith("relative_position_bias_table", StringComparison.Ordinal))
            {
                parameter.copy_(randn_like(parameter));
            }
            else if (name.Contains("norm", StringComparison.Ordinal) && name.EndsWith("weight", StringComparison.Ordinal))
            {
                parameter.copy_(rand_like(parameter) + 0.5);
            }
            else if (name.Contains("norm", StringComparison.Ordinal) && name.EndsWith("bias", StringComparison.Ordinal))
            {
                parameter.copy_(randn_like(parameter) * 0.1);
            }
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
