using OlnmMl.Onnx.Graph;

namespace OlnmMl.Onnx.Networks;

/// <summary>
/// Writes a DenseNet encoder (as OlnmMl.Torch builds DenseNet-121, 2D or 3D) from its <c>state_dict</c>:
/// <c>features.conv0</c> (stride 2) → <c>norm0</c> → ReLU → 3-wide max-pool with stride 2 →
/// <c>denseblock{i}.denselayer{j}</c> (x ← [x, conv2(relu(norm2(conv1(relu(norm1 x)))))]) with
/// <c>transition{i}</c> (conv(relu(norm x)) → 2-wide average pool with stride 2) between blocks → <c>norm5</c> → ReLU →
/// global average pool [N,C]. Spatial dimensions come from the rank of <c>features.conv0.weight</c>; block and layer
/// counts and the naming from the parameter names: a dense layer's modules under <c>layers.</c> (MONAI,
/// <c>denselayer1.layers.norm1</c>) or directly under it (torchvision, <c>denselayer1.norm1</c>).
/// </summary>
public static class DenseNetOnnx
{
    /// <summary>Whether <paramref name="weights"/> hold a DenseNet (a <c>features.conv0.weight</c>).</summary>
    public static bool IsDenseNet(StateDict weights) => weights.Contains("features.conv0.weight");

    /// <summary>
    /// Appends the encoder reading the graph value <paramref name="image"/> ([N,C_in,D,H,W] for a 3D state dict,
    /// [N,C_in,H,W] for a 2D one); returns the pooled features [N,width].
    /// </summary>
    /// <exception cref="KeyNotFoundException">A required parameter is missing (its full name is given).</exception>
    /// <exception cref="ArgumentException">The state dict has no dense block, or <c>features.conv0.weight</c> is neither 4-D nor 5-D.</exception>
    public static (string Features, int Width) AppendEncoder(OnnxGraphBuilder g, string image, StateDict weights, float epsilon = 1e-5f)
    {
        var f = weights.Scope("features.");
        var spatialDims = NetworkOps.SpatialDims(f, "conv0.weight");
        var layerModules = f.Contains("denseblock1.denselayer1.layers.norm1.weight") ? "layers." : "";
        var x = NetworkOps.Relu(g, NetworkOps.BatchNorm(g, NetworkOps.Conv(g, image, f, "conv0", stride: 2), f, "norm0", epsilon));
        x = NetworkOps.MaxPool(g, x, spatialDims, kernel: 3, stride: 2, padding: 1);
        var block = 1;
        for (; f.Contains($"denseblock{block}.denselayer1.{layerModules}norm1.weight"); block++)
        {
            for (var layer = 1; f.Contains($"denseblock{block}.denselayer{layer}.{layerModules}norm1.weight"); layer++)
            {
                var l = f.Scope($"denseblock{block}.denselayer{layer}.{layerModules}");
                var y = NetworkOps.Conv(g, NetworkOps.Relu(g, NetworkOps.BatchNorm(g, x, l, "norm1", epsilon)), l, "conv1", stride: 1);
                y = NetworkOps.Conv(g, NetworkOps.Relu(g, NetworkOps.BatchNorm(g, y, l, "norm2", epsilon)), l, "conv2", stride: 1);
                x = g.AddNode("Concat", [x, y], l.Prefix + "concat", OnnxAttribute.Int("axis", 1));
            }

            if (f.Contains($"transition{block}.norm.weight"))
            {
                var t = f.Scope($"transition{block}.");
                var y = NetworkOps.Conv(g, NetworkOps.Relu(g, NetworkOps.BatchNorm(g, x, t, "norm", epsilon)), t, "conv", stride: 1);
                x = NetworkOps.AveragePool(g, y, spatialDims, size: 2, t.Prefix + "pool");
            }
        }

        if (block == 1)
        {
            throw new ArgumentException($"The state dict has no dense block ('{f.Prefix}denseblock1.denselayer1.norm1.weight' or '{f.Prefix}denseblock1.denselayer1.layers.norm1.weight').", nameof(weights));
        }

        x = NetworkOps.Relu(g, NetworkOps.BatchNorm(g, x, f, "norm5", epsilon));
        var width = (int)f.Get("norm5.weight").Shape[0];
        var features = NetworkOps.GlobalAveragePoolFlat(g, x);
        g.AnnotateShape(features, OnnxElementType.Float, OnnxDim.Batch, width);
        return (features, width);
    }
}
