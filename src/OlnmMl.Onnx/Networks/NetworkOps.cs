using OlnmMl.Onnx.Graph;

namespace OlnmMl.Onnx.Networks;

/// <summary>
/// PyTorch layers as ONNX nodes, parameters read from a <see cref="StateDict"/> by their
/// PyTorch names (<c>{name}.weight</c>, <c>{name}.bias</c>, <c>{name}.running_mean</c>, …).
/// </summary>
public static class NetworkOps
{
    /// <summary>
    /// <c>nn.Conv3d</c>: Conv with the weight <c>{name}.weight</c> [out,in,k,k,k] (kernel size read
    /// from it), optional <c>{name}.bias</c>, cubic stride and symmetric padding (default ⌊k/2⌋,
    /// the padding of every convolution in the ResNet family).
    /// </summary>
    public static string Conv3d(OnnxGraphBuilder g, string x, StateDict weights, string name, int stride, int padding = -1)
    {
        var weight = weights.Get(name + ".weight", rank: 5);
        padding = padding >= 0 ? padding : (int)(weight.Shape[2] / 2);
        var inputs = new List<string> { g.AddInitializer(weights.Prefix + name + ".weight", weight.Data, weight.Shape) };
        if (weights.Contains(name + ".bias"))
        {
            var bias = weights.Get(name + ".bias", rank: 1);
            inputs.Add(g.AddInitializer(weights.Prefix + name + ".bias", bias.Data, bias.Shape));
        }

        return g.AddNode(
            "Conv",
            [x, .. inputs],
            weights.Prefix + name,
            OnnxAttribute.Ints("kernel_shape", weight.Shape[2], weight.Shape[3], weight.Shape[4]),
            OnnxAttribute.Ints("strides", stride, stride, stride),
            OnnxAttribute.Ints("pads", padding, padding, padding, padding, padding, padding));
    }

    /// <summary>
    /// <c>nn.BatchNorm3d</c> in evaluation mode: y = (x − running_mean) / √(running_var + ε) · weight + bias.
    /// </summary>
    public static string BatchNorm(OnnxGraphBuilder g, string x, StateDict weights, string name, float epsilon = 1e-5f)
    {
        string Param(string suffix)
        {
            var t = weights.Get($"{name}.{suffix}", rank: 1);
            return g.AddInitializer($"{weights.Prefix}{name}.{suffix}", t.Data, t.Shape);
        }

        return g.AddNode(
            "BatchNormalization",
            [x, Param("weight"), Param("bias"), Param("running_mean"), Param("running_var")],
            weights.Prefix + name,
            OnnxAttribute.Float("epsilon", epsilon));
    }

    /// <summary><c>nn.Linear</c>: y = x·Wᵀ + b with W = <c>{name}.weight</c> [out,in] and b = <c>{name}.bias</c> ([N,in] → [N,out]).</summary>
    public static string Linear(OnnxGraphBuilder g, string x, StateDict weights, string name)
    {
        var weight = weights.Get(name + ".weight", rank: 2);
        var w = g.AddInitializer(weights.Prefix + name + ".weight", weight.Data, weight.Shape);
        var inputs = new List<string> { x, w };
        if (weights.Contains(name + ".bias"))
        {
            var bias = weights.Get(name + ".bias", rank: 1);
            inputs.Add(g.AddInitializer(weights.Prefix + name + ".bias", bias.Data, bias.Shape));
        }

        return g.AddNode("Gemm", inputs, weights.Prefix + name, OnnxAttribute.Int("transB", 1));
    }

    /// <summary>ReLU max(x, 0).</summary>
    public static string Relu(OnnxGraphBuilder g, string x) => g.AddNode("Relu", [x], x + "_relu");

    /// <summary>3D max pooling with a cubic kernel, stride and padding (padding counts as −∞, as in PyTorch).</summary>
    public static string MaxPool3d(OnnxGraphBuilder g, string x, int kernel, int stride, int padding) =>
        g.AddNode(
            "MaxPool",
            [x],
            x + "_maxpool",
            OnnxAttribute.Ints("kernel_shape", kernel, kernel, kernel),
            OnnxAttribute.Ints("strides", stride, stride, stride),
            OnnxAttribute.Ints("pads", padding, padding, padding, padding, padding, padding));

    /// <summary>Global average pooling over the spatial dimensions, flattened: [N,C,D,H,W] → [N,C].</summary>
    public static string GlobalAveragePoolFlat(OnnxGraphBuilder g, string x)
    {
        var pooled = g.AddNode("GlobalAveragePool", [x], x + "_gap");
        return g.AddNode("Flatten", [pooled], x + "_features", OnnxAttribute.Int("axis", 1));
    }
}
