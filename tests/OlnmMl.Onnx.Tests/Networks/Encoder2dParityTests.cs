using OlnmMl.Onnx.Graph;
using OlnmMl.Onnx.Networks;
using OlnmMl.Onnx.Scoring;
using OlnmMl.Torch.Networks;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace OlnmMl.Onnx.Tests.Networks;

/// <summary>
/// The 2D encoders (torchvision names) written by <see cref="ResNetOnnx"/> and <see cref="DenseNetOnnx"/> on a graph
/// value of shape [B·N, C, H, W], as a multi-instance network hands them its slices: ONNX Runtime gives OlnmMl.Torch's
/// features (TorchSharp, eval mode, batch-norm statistics and affines randomised so that every parameter matters).
/// </summary>
public sealed class Encoder2dParityTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("olnm-onnx-2d-").FullName;

    [Theory]
    [InlineData("resnet10-tiny-2d", 24, 64)]
    [InlineData("resnet18-2d", 3, 64)]
    [InlineData("resnet50-2d", 2, 32)]
    [InlineData("densenet121-2d", 3, 64)]
    public void Exported_2d_encoder_matches_torchsharp(string architecture, int instances, int edge)
    {
        manual_seed(instances);
        using var encoder = NetworkCatalog.Create(architecture, inputChannels: 3);
        TorchSharpParity.Randomise(encoder);
        encoder.eval();
        var weights = encoder.state_dict()
            .Where(kv => kv.Value.dtype == ScalarType.Float32)
            .ToDictionary(kv => kv.Key, kv => new ParameterTensor(kv.Value.data<float>().ToArray(), kv.Value.shape));

        var g = new OnnxGraphBuilder("encoder2d");
        var slices = g.AddInput("instances", OnnxElementType.Float, OnnxDim.Batch, 3, edge, edge);
        var state = new StateDict(weights);
        var (features, width) = architecture.StartsWith("densenet", StringComparison.Ordinal)
            ? DenseNetOnnx.AppendEncoder(g, slices, state)
            : ResNetOnnx.AppendEncoder(g, slices, state);
        g.AddOutput(features, "features", OnnxElementType.Float, OnnxDim.Batch, width);
        var path = Path.Combine(_folder, architecture + ".onnx");
        OnnxModelWriter.Write(g, new OnnxModelMetadata(), path);

        using var input = rand([instances, 3L, edge, edge]);
        float[] expected;
        using (no_grad())
        using (var torchFeatures = encoder.Features(input))
        {
            expected = torchFeatures.data<float>().ToArray();
        }

        using var scorer = new OnnxScorer(path);
        var actual = scorer.Predict(input.data<float>().ToArray(), [instances, 3, edge, edge], "features");

        var scale = expected.Max(MathF.Abs);
        var maxDelta = expected.Select((e, i) => Math.Abs(e - actual[i])).Max();
        output.WriteLine($"{architecture}, {instances} × 3 × {edge}²: {width} features, max |f| = {scale:F4}, max |Δf| = {maxDelta:E2}");
        Assert.Equal(encoder.FeatureWidth, width);
        Assert.Equal(expected.Length, actual.Length);
        Assert.True(scale > 0.01f, $"max |f| = {scale}");
        Assert.True(maxDelta <= 1e-4 * scale, $"max |Δf| = {maxDelta} (max |f| = {scale})");
    }

    [Fact]
    public void A_stem_weight_neither_2d_nor_3d_is_rejected_naming_it()
    {
        // A Conv1d-shaped stem [out, in, k]: no 1D ResNet is written.
        var weights = new Dictionary<string, ParameterTensor> { ["encoder.conv1.weight"] = new(new float[8 * 3 * 7], [8, 3, 7]) };
        var error = Assert.Throws<ArgumentException>(() =>
            ResNetOnnx.AppendEncoder(new OnnxGraphBuilder("resnet"), "instances", new StateDict(weights).Scope("encoder.")));
        Assert.Contains("'encoder.conv1.weight' has shape [8,3,7]", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
