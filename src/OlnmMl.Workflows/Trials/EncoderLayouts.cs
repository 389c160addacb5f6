using OlnmMl.Onnx.Networks;
using OlnmMl.Torch.Networks;

namespace OlnmMl.Workflows.Trials;

/// <summary>
/// The ONNX exporter's <see cref="ResNetOnnxOptions"/> of an OlnmMl.Torch encoder, read from the row it was built from
/// (<see cref="ResNetArchitecture"/>, the one table of layouts; OlnmMl.Onnx knows no TorchSharp and keeps no table):
/// the one place that maps it, for <see cref="FusionOnnx"/> and <see cref="MilOnnx"/>.
/// </summary>
public static class EncoderLayouts
{
    /// <summary>A ResNet's layout (<see cref="Of(ResNetArchitecture)"/>); the defaults, which only give the BN ε, for other families.</summary>
    public static ResNetOnnxOptions Of(FeatureNetwork encoder) => encoder is ResNet resnet ? Of(resnet.Architecture) : new();

    /// <summary>
    /// The row's stem stride, layer strides and dilations, and shortcut "A"; its name for messages. The downsample bias
    /// travels in the weights (<c>downsample.0.bias</c>).
    /// </summary>
    public static ResNetOnnxOptions Of(ResNetArchitecture row) => new()
    {
        Network = row.Name,
        Conv1Stride = row.StemStride,
        LayerStrides = row.LayerStrides,
        LayerDilations = row.LayerDilations,
        ZeroPadShortcut = row.Shortcut == ResNetShortcutKind.ZeroPad,
    };
}
