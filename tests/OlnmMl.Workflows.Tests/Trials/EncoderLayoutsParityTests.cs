using OlnmMl.Onnx.Graph;
using OlnmMl.Onnx.Networks;
using OlnmMl.Onnx.Scoring;
using OlnmMl.Onnx.Tests.Networks;
using OlnmMl.Torch.Networks;
using OlnmMl.Workflows.Trials;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace OlnmMl.Workflows.Tests.Trials;

/// <summary>
/// Every row of <see cref="ResNetArchitecture.Rows"/>, its layout handed to <see cref="ResNetOnnx"/> by
/// <see cref="EncoderLayouts"/>: ONNX Runtime gives TorchSharp's features (eval mode, batch-norm statistics and affines
/// randomised so that every parameter matters) within 1e-4 of their scale. The rows run at widths 8, 16, 32, 64 (depth,
/// block kind, stem stride, layer strides, dilations, shortcut and downsample bias as the row says) on 40³ volumes or
/// 64² slices: MedicalNet's layer3/4 then run on 5³ grids, where taps dilated by 2 and 4 reach data.
/// </summary>
public sealed class EncoderLayoutsParityTests(ITestOutputHelper output) : IDisposable
{
    private const int Batch = 2;
    private const int Channels = 2;
    private readonly string _folder = Directory.CreateTempSubdirectory("olnm-layout-onnx-").FullName;

    public static TheoryData<string> Rows() => new(ResNetArchitecture.Rows.Select(row => row.Name));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [MemberData(nameof(Rows))]
    public void EveryRowExportsAsTorchSharpComputesIt(string name)
    {
        var row = ResNetArchitecture.Rows.Single(r => r.Name == name) with { Widths = [8, 16, 32, 64] };
        manual_seed(name.Length);
        using var encoder = new ResNet(row, Channels);
        TorchSharpParity.Randomise(encoder);
        encoder.eval();
        long[] shape = row.SpatialDims == 3 ? [Batch, Channels, 40, 40, 40] : [Batch, Channels, 64, 64];
        using var input = rand(shape);
        float[] expected;
        using (no_grad())
        using (var features = encoder.Features(input))
        {
            expected = features.data<float>().ToArray();
        }

        var layout = EncoderLayouts.Of(encoder);
        var actual = Score(encoder, layout, input, shape);
        var scale = expected.Max(MathF.Abs);
        var maxDelta = MaxDelta(expected, actual);
        output.WriteLine($"{name} (widths 8-64), {string.Join("×", shape)}: {encoder.FeatureWidth} features, max |f| = {scale:F4}, max |Δf| = {maxDelta:E2}");
        Assert.Equal(expected.Length, actual.Length);
        Assert.True(scale > 0.01f, $"max |f| = {scale}");
        Assert.True(maxDelta <= 1e-4 * scale, $"max |Δf| = {maxDelta} (max |f| = {scale})");
        if (row.LayerDilations.Any(d => d != 1))
        {
            // The input is large enough for the dilations to matter: undilated, the same weights give other features.
            var undilated = Score(encoder, layout with { LayerDilations = [1, 1, 1, 1] }, input, shape);
            Assert.True(MaxDelta(expected, undilated) > 1e-2 * scale, $"undilated max |Δf| = {MaxDelta(expected, undilated)}");
        }
    }

    private float[] Score(ResNet encoder, ResNetOnnxOptions layout, Tensor input, long[] shape)
    {
        var weights = encoder.state_dict()
            .Where(kv => kv.Value.dtype == ScalarType.Float32)
            .ToDictionary(kv => kv.Key, kv => new ParameterTensor(kv.Value.data<float>().ToArray(), kv.Value.shape));
        var g = new OnnxGraphBuilder("encoder");
        var image = g.AddInput("image", OnnxElementType.Float, [OnnxDim.Batch, .. shape[1..].Select(d => (OnnxDim)d)]);
        var (features, width) = ResNetOnnx.AppendEncoder(g, image, new StateDict(weights), layout);
        g.AddOutput(features, "features", OnnxElementType.Float, OnnxDim.Batch, width);
        var path = Path.Combine(_folder, "encoder.onnx");
        OnnxModelWriter.Write(g, new OnnxModelMetadata(), path);
        using var scorer = new OnnxScorer(path);
        return scorer.Predict(input.data<float>().ToArray(), shape, "features");
    }

    private static float MaxDelta(float[] expected, float[] actual) => expected.Select((e, i) => Math.Abs(e - actual[i])).Max();
}
