using OlnmMl.Onnx.Graph;

namespace OlnmMl.Onnx.Networks;

/// <summary>
/// Writes a ResNet encoder in the MONAI/MedicalNet layout (in 2D torchvision's) from its <c>state_dict</c>:
/// <c>conv1</c> → <c>bn1</c> → ReLU → max-pool → <c>layer1..4</c> → global average pool [N,C].
/// Spatial dimensions, depth, widths and block kind are read from the parameter names and shapes
/// (<c>conv1.weight</c> of rank 4 ⇒ 2D, rank 5 ⇒ 3D; <c>layer{i}.{b}.conv3</c> present ⇒ bottleneck;
/// <c>downsample.0/1</c> ⇒ projection shortcut), so 3D ResNet-10/18/34/50, torchvision's 2D ResNet-18/50 and
/// tiny test networks all go through the same code. A head (<c>fc</c>) is not written.
/// </summary>
public static class ResNetOnnx
{
    /// <summary>
    /// Appends the encoder to <paramref name="g"/> reading the graph value <paramref name="image"/> ([N,C_in,D,H,W] for a
    /// 3D state dict, [N,C_in,H,W] for a 2D one, e.g. a multi-instance network's [B·N,C,H,W] slices); returns the pooled
    /// features [N,width].
    /// </summary>
    /// <exception cref="KeyNotFoundException">A required parameter is missing (its full name is given).</exception>
    /// <exception cref="ArgumentException">A layer has no blocks, the layer strides are not four, or <c>conv1.weight</c> is neither 4-D nor 5-D.</exception>
    public static (string Features, int Width) AppendEncoder(OnnxGraphBuilder g, string image, StateDict weights, ResNetOnnxOptions? options = null)
    {
        options ??= new ResNetOnnxOptions();
        if (options.LayerStrides.Count != 4)
        {
            throw new ArgumentException($"A ResNet has four layers; {options.LayerStrides.Count} layer strides were given.", nameof(options));
        }

        var eps = options.BatchNormEpsilon;
        var spatialDims = NetworkOps.SpatialDims(weights, "conv1.weight");
        var x = NetworkOps.Relu(g, NetworkOps.BatchNorm(g, NetworkOps.Conv(g, image, weights, "conv1", options.Conv1Stride), weights, "bn1", eps));
        if (options.MaxPool)
        {
            x = NetworkOps.MaxPool(g, x, spatialDims, kernel: 3, stride: 2, padding: 1);
        }

        var width = (int)weights.Get("conv1.weight").Shape[0];
        for (var layer = 1; layer <= 4; layer++)
        {
            var blocks = 0;
            for (; weights.Contains($"layer{layer}.{blocks}.conv1.weight"); blocks++)
            {
                var stride = blocks == 0 ? options.LayerStrides[layer - 1] : 1;
                (x, width) = Block(g, x, weights.Scope($"layer{layer}.{blocks}."), stride, eps);
            }

            if (blocks == 0)
            {
                throw new ArgumentException($"The state dict has no blocks for layer{layer} (no '{weights.Prefix}layer{layer}.0.conv1.weight').", nameof(weights));
            }
        }

        var features = NetworkOps.GlobalAveragePoolFlat(g, x);
        g.AnnotateShape(features, OnnxElementType.Float, OnnxDim.Batch, width);
        return (features, width);
    }

    /// <summary>
    /// One residual block: basic relu(bn2(conv2(relu(bn1(conv1 x)))) + s(x)) or bottleneck with a third
    /// 1-wide conv; s = identity, or downsample.1(downsample.0(x)) when present. Returns the output and its width.
    /// </summary>
    private static (string Output, int Width) Block(OnnxGraphBuilder g, string x, StateDict block, int stride, float eps)
    {
        var bottleneck = block.Contains("conv3.weight");
        // The strided convolution is conv1 in a basic block (3-wide) and conv2 in a bottleneck (1-wide → 3-wide → 1-wide).
        var y = NetworkOps.Relu(g, NetworkOps.BatchNorm(g, NetworkOps.Conv(g, x, block, "conv1", bottleneck ? 1 : stride), block, "bn1", eps));
        y = NetworkOps.BatchNorm(g, NetworkOps.Conv(g, y, block, "conv2", bottleneck ? stride : 1), block, "bn2", eps);
        var last = "conv2";
        if (bottleneck)
        {
            y = NetworkOps.BatchNorm(g, NetworkOps.Conv(g, NetworkOps.Relu(g, y), block, "conv3", 1), block, "bn3", eps);
            last = "conv3";
        }

        var shortcut = block.Contains("downsample.0.weight")
            ? NetworkOps.BatchNorm(g, NetworkOps.Conv(g, x, block, "downsample.0", stride), block, "downsample.1", eps)
            : x;
        var sum = g.AddNode("Add", [y, shortcut], block.Prefix + "sum");
        return (NetworkOps.Relu(g, sum), (int)block.Get(last + ".weight").Shape[0]);
    }
}
