using OlnmMl.Onnx.Graph;

namespace OlnmMl.Onnx.Networks;

/// <summary>
/// Token-wise PyTorch layers and tensor reshuffles as opset-17 ONNX nodes, for transformer encoders on
/// channels-last tensors (parameters read from a <see cref="StateDict"/> by their PyTorch names).
/// </summary>
public static class TransformerOps
{
    /// <summary><c>nn.LayerNorm</c> over the last axis: (x − mean) / √(var + ε) · <c>{name}.weight</c> + <c>{name}.bias</c>.</summary>
    public static string LayerNorm(OnnxGraphBuilder g, string x, StateDict weights, string name, float epsilon = 1e-5f)
    {
        var scale = weights.Get(name + ".weight", rank: 1);
        var bias = weights.Get(name + ".bias", rank: 1);
        return g.AddNode(
            "LayerNormalization",
            [x, g.AddInitializer(weights.Prefix + name + ".weight", scale.Data, scale.Shape), g.AddInitializer(weights.Prefix + name + ".bias", bias.Data, bias.Shape)],
            weights.Prefix + name,
            OnnxAttribute.Int("axis", -1),
            OnnxAttribute.Float("epsilon", epsilon));
    }

    /// <summary>Parameter-free layer norm over the last axis of width <paramref name="width"/>: (x − mean) / √(var + ε).</summary>
    public static string PlainLayerNorm(OnnxGraphBuilder g, string x, int width, string name, float epsilon = 1e-5f)
    {
        var ones = new float[width];
        Array.Fill(ones, 1f);
        return g.AddNode(
            "LayerNormalization",
            [x, g.AddInitializer(name + "_scale", ones, [width])],
            name,
            OnnxAttribute.Int("axis", -1),
            OnnxAttribute.Float("epsilon", epsilon));
    }

    /// <summary>
    /// <c>nn.Linear</c> on the last axis of a tensor of any rank: y = x·Wᵀ (+ b) with W = <c>{name}.weight</c> [out,in]
    /// (stored transposed) and the optional b = <c>{name}.bias</c>.
    /// </summary>
    public static string Linear(OnnxGraphBuilder g, string x, StateDict weights, string name)
    {
        var weight = weights.Get(name + ".weight", rank: 2);
        long rows = weight.Shape[0], cols = weight.Shape[1];
        var transposed = new float[weight.Data.Length];
        for (long r = 0; r < rows; r++)
        {
            for (long c = 0; c < cols; c++)
            {
                transposed[(c * rows) + r] = weight.Data[(r * cols) + c];
            }
        }

        var y = g.AddNode("MatMul", [x, g.AddInitializer(weights.Prefix + name + ".weight_t", transposed, [cols, rows])], weights.Prefix + name + "_matmul");
        if (!weights.Contains(name + ".bias"))
        {
            return y;
        }

        var bias = weights.Get(name + ".bias", rank: 1);
        return g.AddNode("Add", [y, g.AddInitializer(weights.Prefix + name + ".bias", bias.Data, bias.Shape)], weights.Prefix + name);
    }

    /// <summary>Exact GELU: x · ½ · (1 + erf(x / √2)).</summary>
    public static string Gelu(OnnxGraphBuilder g, string x)
    {
        var erf = g.AddNode("Erf", [g.AddNode("Mul", [x, g.AddScalar("inv_sqrt2", 1f / MathF.Sqrt(2f))], x + "_scaled")], x + "_erf");
        var half = g.AddNode("Mul", [g.AddNode("Add", [erf, g.AddScalar("one", 1f)], x + "_erf1"), g.AddScalar("half", 0.5f)], x + "_gate");
        return g.AddNode("Mul", [x, half], x + "_gelu");
    }

    /// <summary>Reshape to <paramref name="shape"/> (−1 infers one axis, as in ONNX).</summary>
    public static string Reshape(OnnxGraphBuilder g, string x, params long[] shape) =>
        g.AddNode("Reshape", [x, g.AddInitializer(x + "_shape", shape, [shape.Length])], x + "_reshaped");

    /// <summary>Permutes the axes: output axis i is input axis <paramref name="perm"/>[i].</summary>
    public static string Transpose(OnnxGraphBuilder g, string x, params long[] perm) =>
        g.AddNode("Transpose", [x], x + "_t", OnnxAttribute.Ints("perm", perm));

    /// <summary>x[start:end:step] along each of <paramref name="axes"/>.</summary>
    public static string Slice(OnnxGraphBuilder g, string x, long[] axes, long[] starts, long[] ends, long[] steps)
    {
        long[] dims = [axes.Length];
        return g.AddNode(
            "Slice",
            [x, g.AddInitializer(x + "_starts", starts, dims), g.AddInitializer(x + "_ends", ends, dims), g.AddInitializer(x + "_axes", axes, dims), g.AddInitializer(x + "_steps", steps, dims)],
            x + "_slice");
    }

    /// <summary>
    /// <c>torch.roll</c> by <paramref name="shift"/> along <paramref name="axis"/> of length <paramref name="length"/>:
    /// out[i] = x[(i − shift) mod L], i.e. concat(x[k:], x[:k]) with k = (−shift) mod L.
    /// </summary>
    public static string Roll(OnnxGraphBuilder g, string x, long axis, long length, long shift)
    {
        var k = ((-shift % length) + length) % length;
        if (k == 0)
        {
            return x;
        }

        var tail = Slice(g, x, [axis], [k], [length], [1]);
        var head = Slice(g, x, [axis], [0], [k], [1]);
        return g.AddNode("Concat", [tail, head], x + "_roll", OnnxAttribute.Int("axis", axis));
    }

    /// <summary>Zero padding at the end of each axis by <paramref name="after"/>[axis] (ONNX <c>Pad</c>, constant mode).</summary>
    public static string PadEnd(OnnxGraphBuilder g, string x, params long[] after)
    {
        var pads = new long[after.Length * 2];
        after.CopyTo(pads, after.Length);
        return g.AddNode("Pad", [x, g.AddInitializer(x + "_pads", pads, [pads.Length])], x + "_pad", OnnxAttribute.String("mode", "constant"));
    }
}
