using OlnmMl.Onnx.Graph;

namespace OlnmMl.Onnx.Networks;

/// <summary>
/// PyTorch layers as ONNX nodes, parameters read from a <see cref="StateDict"/> by their
/// PyTorch names (<c>{name}.weight</c>, <c>{name}.bias</c>, <c>{name}.running_mean</c>, …).
/// </summary>
public static class NetworkOps
{
    /// <summary>
    /// <c>nn.Conv2d</c>/<c>nn.Conv3d</c>: Conv with the weight <c>{name}.weight</c> [out,in,k,k] or [out,in,k,k,k] (its
    /// rank gives the spatial dimensions, its trailing sizes the kernel), optional <c>{name}.bias</c>, the same stride and
    /// dilation d along every axis and symmetric padding (default d·⌊k/2⌋, the padding of every convolution in the
    /// ResNet family, dilated or not).
    /// </summary>
    /// <exception cref="ArgumentException">The weight is neither 4-D nor 5-D.</exception>
    public static string Conv(OnnxGraphBuilder g, string x, StateDict weights, string name, int stride, int padding = -1, int dilation = 1)
    {
        var weight = weights.Get(name + ".weight");
        var spatialDims = SpatialDims(weights, name + ".weight");
        padding = padding >= 0 ? padding : dilation * (int)(weight.Shape[2] / 2);
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
            OnnxAttribute.Ints("kernel_shape", weight.Shape[2..]),
            OnnxAttribute.Ints("strides", Repeat(stride, spatialDims)),
            OnnxAttribute.Ints("dilations", Repeat(dilation, spatialDims)),
            OnnxAttribute.Ints("pads", Repeat(padding, 2 * spatialDims)));
    }

    /// <summary>The spatial dimensions of a convolution weight <paramref name="name"/>: 2 for [out,in,kH,kW], 3 for [out,in,kD,kH,kW].</summary>
    /// <exception cref="ArgumentException">The weight is neither 4-D nor 5-D.</exception>
    public static int SpatialDims(StateDict weights, string name)
    {
        var shape = weights.Get(name).Shape;
        return shape.Length is 4 or 5
            ? shape.Length - 2
            : throw new ArgumentException($"Parameter '{weights.Prefix}{name}' has shape [{string.Join(",", shape)}]; a 2D or 3D convolution weight (rank 4 or 5) was expected.", nameof(name));
    }

    /// <summary>
    /// <c>nn.BatchNorm2d</c>/<c>nn.BatchNorm3d</c> in evaluation mode: y = (x − running_mean) / √(running_var + ε) · weight + bias.
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

    /// <summary>Max pooling over <paramref name="spatialDims"/> axes with the same kernel, stride and padding along each (padding counts as −∞, as in PyTorch).</summary>
    public static string MaxPool(OnnxGraphBuilder g, string x, int spatialDims, int kernel, int stride, int padding) =>
        g.AddNode(
            "MaxPool",
            [x],
            x + "_maxpool",
            OnnxAttribute.Ints("kernel_shape", Repeat(kernel, spatialDims)),
            OnnxAttribute.Ints("strides", Repeat(stride, spatialDims)),
            OnnxAttribute.Ints("pads", Repeat(padding, 2 * spatialDims)));

    /// <summary>Average pooling over <paramref name="spatialDims"/> axes with kernel = stride = <paramref name="size"/>, no padding (<c>nn.AvgPool2d/3d(size, size)</c>).</summary>
    public static string AveragePool(OnnxGraphBuilder g, string x, int spatialDims, int size, string outputHint) =>
        g.AddNode(
            "AveragePool",
            [x],
            outputHint,
            OnnxAttribute.Ints("kernel_shape", Repeat(size, spatialDims)),
            OnnxAttribute.Ints("strides", Repeat(size, spatialDims)));

    /// <summary>Global average pooling over the spatial dimensions, flattened: [N,C,D,H,W] or [N,C,H,W] → [N,C].</summary>
    public static string GlobalAveragePoolFlat(OnnxGraphBuilder g, string x)
    {
        var pooled = g.AddNode("GlobalAveragePool", [x], x + "_gap");
        return g.AddNode("Flatten", [pooled], x + "_features", OnnxAttribute.Int("axis", 1));
    }

    private static long[] Repeat(long value, int count) => Enumerable.Repeat(value, count).ToArray();
}
