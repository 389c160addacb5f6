using OlnmMl.Onnx.Graph;
using OlnmMl.Onnx.Networks;
using OlnmMl.Torch.Networks;
using static TorchSharp.torch;

namespace OlnmMl.Onnx.Tests.Networks;

/// <summary>
/// A layout that disagrees with the weights is refused in one line naming the network and the block, not written as a
/// graph that fails in ONNX Runtime: weights of shortcut "A" (no <c>downsample</c>) under a projection layout, weights
/// of shortcut "B" under a zero-pad layout, and layer strides or dilations that are not four positive numbers.
/// </summary>
public sealed class ResNetOnnxLayoutTests
{
    [Fact]
    public void Shortcut_a_weights_under_a_projection_layout_are_refused_naming_the_missing_downsample()
    {
        var weights = Weights(ResNetArchitecture.ResNet10Tiny with { Shortcut = ResNetShortcutKind.ZeroPad });

        var error = Assert.Throws<ArgumentException>(() => Append(weights, new ResNetOnnxOptions { Network = "resnet10-tiny" }));

        Assert.StartsWith("resnet10-tiny: block 'layer2.0.' changes the shape (8 → 16 channels, stride 2)", error.Message, StringComparison.Ordinal);
        Assert.Contains("no 'layer2.0.downsample.0.weight'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Projection_weights_under_a_zero_pad_layout_are_refused()
    {
        var weights = Weights(ResNetArchitecture.ResNet10Tiny);

        var error = Assert.Throws<ArgumentException>(() => Append(weights, new ResNetOnnxOptions { Network = "resnet10-tiny", ZeroPadShortcut = true }));

        Assert.StartsWith("resnet10-tiny: block 'layer2.0.' holds downsample weights, but the layout's shortcut is \"A\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 1, 2, 2 }, new[] { 1, 1, 1, 1 })]
    [InlineData(new[] { 1, 2, 1, 1 }, new[] { 1, 1, 2, 0 })]
    public void Strides_and_dilations_must_be_four_positive_numbers(int[] strides, int[] dilations)
    {
        var weights = Weights(ResNetArchitecture.ResNet10Tiny);

        var error = Assert.Throws<ArgumentException>(() =>
            Append(weights, new ResNetOnnxOptions { Network = "resnet10-tiny", LayerStrides = strides, LayerDilations = dilations }));

        Assert.StartsWith($"resnet10-tiny: a ResNet has four layers with positive strides and dilations; strides [{string.Join(", ", strides)}]", error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, ParameterTensor> Weights(ResNetArchitecture row)
    {
        using var network = new ResNet(row);
        return network.state_dict()
            .Where(kv => kv.Value.dtype == ScalarType.Float32)
            .ToDictionary(kv => kv.Key, kv => new ParameterTensor(kv.Value.data<float>().ToArray(), kv.Value.shape));
    }

    private static void Append(Dictionary<string, ParameterTensor> weights, ResNetOnnxOptions layout)
    {
        var g = new OnnxGraphBuilder("resnet");
        ResNetOnnx.AppendEncoder(g, g.AddInput("image", OnnxElementType.Float, OnnxDim.Batch, 1, 16, 16, 16), new StateDict(weights), layout);
    }
}
