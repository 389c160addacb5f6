using OlnmMl.Onnx.Graph;

namespace OlnmMl.Onnx.Networks;

/// <summary>
/// Writes a 3D DenseNet encoder in the MONAI layout (as OlnmMl.Torch builds DenseNet-121) from its
/// <c>state_dict</c>: <c>features.conv0</c> (stride 2) → <c>norm0</c> → ReLU → 3×3×3/2 max-pool →
/// <c>denseblock{i}.denselayer{j}</c> (x ← [x, conv2(relu(norm2(conv1(relu(norm1 x)))))]) with
/// <c>transition{i}</c> (conv(relu(norm x)) → 2×2×2 average pool) between blocks → <c>norm5</c> → ReLU →
/// global average pool [N,C]. Block and layer counts are read from the parameter names.
/// </summary>
public static class DenseNet3dOnnx
{
    /// <summary>Whether <paramref name="weights"/> hold a DenseNet (a <c>features.conv0.weight</c>).</summary>
    public static bool IsDenseNet(StateDict weights) => weights.Contains("features.conv0.weight");

    /// <summary>Appends the encoder reading <paramref name="image"/> [N,C_in,D,H,W]; returns the pooled features [N,width].</summary>
    /// <exception cref="KeyNotFoundException">A required parameter is missing (its full name is given).</exception>
    /// <exception cref="ArgumentException">The state dict has no dense block.</exception>
    public static (string Features, int Width) AppendEncoder(OnnxGraphBuilder g, string image, StateDict weights, float epsilon = 1e-5f)
    {
        var f = weights.Scope("features.");
        var x = NetworkOps.Relu(g, NetworkOps.BatchNorm(g, NetworkOps.Conv3d(g, image, f, "conv0", stride: 2), f, "norm0", epsilon));
        x = NetworkOps.MaxPool3d(g, x, kernel: 3, stride: 2, padding: 1);
        var block = 1;
        for (; f.Contains($"denseblock{block}.denselayer1.layers.norm1.weight"); block++)
        {
            for (var layer = 1; f.Contains($"denseblock{block}.denselayer{layer}.layers.norm1.weight"); layer++)
            {
                var l = f.Scope($"denseblock{block}.denselayer{layer}.layers.");
                var y = NetworkOps.Conv3d(g, NetworkOps.Relu(g, NetworkOps.BatchNorm(g, x, l, "norm1", epsilon)), l, "conv1", stride: 1);
                y = NetworkOps.Conv3d(g, NetworkOps.Relu(g, NetworkOps.BatchNorm(g, y, l, "norm2", epsilon)), l, "conv2", stride: 1);
                x = g.AddNode("Concat", [x, y], l.Prefix + "concat", OnnxAttribute.Int("axis", 1));
            }

            if (f.Contains($"transition{block}.norm.weight"))
            {
                var t = f.Scope($"transition{block}.");
                var y = NetworkOps.Conv3d(g, NetworkOps.Relu(g, NetworkOps.BatchNorm(g, x, t, "norm", epsilon)), t, "conv", stride: 1);
                x = g.AddNode(
                    "AveragePool",
                    [y],
                    t.Prefix + "pool",
                    OnnxAttribute.Ints("kernel_shape", 2, 2, 2),
                    OnnxAttribute.Ints("strides", 2, 2, 2));
            }
        }

        if (block == 1)
        {
            throw new ArgumentException($"The state dict has no dense block ('{f.Prefix}denseblock1.denselayer1.layers.norm1.weight').", nameof(weights));
        }

        x = NetworkOps.Relu(g, NetworkOps.BatchNorm(g, x, f, "norm5", epsilon));
        var width = (int)f.Get("norm5.weight").Shape[0];
        var features = NetworkOps.GlobalAveragePoolFlat(g, x);
        g.AnnotateShape(features, OnnxElementType.Float, OnnxDim.Batch, width);
        return (features, width);
    }
}
