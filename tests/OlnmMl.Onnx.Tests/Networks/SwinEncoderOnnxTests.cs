using OlnmMl.Onnx.Graph;
using OlnmMl.Onnx.Networks;

namespace OlnmMl.Onnx.Tests.Networks;

/// <summary>Input checks of the Swin encoder export; its parity with TorchSharp is in <see cref="TorchFusionParityTests"/>.</summary>
public sealed class SwinEncoderOnnxTests
{
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
}
