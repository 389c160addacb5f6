using OlnmMl.Onnx.Graph;

namespace OlnmMl.Onnx.Networks;

/// <summary>
/// Writes a ResNet encoder in the MONAI/MedicalNet layout (in 2D torchvision's) from its <c>state_dict</c>:
/// <c>conv1</c> → <c>bn1</c> → ReLU → max-pool → <c>layer1..4</c> → global average pool [N,C].
/// Spatial dimensions, depth, widths and block kind are read from the parameter names and shapes
/// (<c>conv1.weight</c> of rank 4 ⇒ 2D, rank 5 ⇒ 3D; <c>layer{i}.{b}.conv3</c> present ⇒ bottleneck;
/// <c>downsample.0/1</c> ⇒ projection shortcut, with its bias when <c>downsample.0.bias</c> is present), so 3D
/// ResNet-10/18/34/50, torchvision's 2D ResNet-18/50 and tiny test networks all go through the same code; the layout
/// the weights do not hold (stem stride, layer strides and dilations, shortcut "A") comes from
/// <see cref="ResNetOnnxOptions"/>. A head (<c>fc</c>) is not written.
/// </summary>
public static class ResNetOnnx
{
    /// <summary>
    /// Appends the encoder to <paramref name="g"/> reading the graph value <paramref name="image"/> ([N,C_in,D,H,W] for a
    /// 3D state dict, [N,C_in,H,W] for a 2D one, e.g. a multi-instance network's [B·N,C,H,W] slices); returns the pooled
    /// features [N,width].
    /// </summary>
    /// <exception cref="KeyNotFoundException">A required parameter is missing (its full name is given).</exception>
    /// <exception cref="ArgumentException">
    /// A layer has no blocks; the layer strides or dilations are not four positive numbers; <c>conv1.weight</c> is neither
    /// 4-D nor 5-D; or a block's shortcut disagrees with the layout (shape changed without <c>downsample</c> weights and no
    /// shortcut "A", or <c>downsample</c> weights under shortcut "A") — named with the network.
    /// </exception>
    public static (string Features, int Width) AppendEncoder(OnnxGraphBuilder g, string image, StateDict weights, ResNetOnnxOptions? options = null)
    {
        options ??= new ResNetOnnxOptions();
        if (options.LayerStrides.Count != 4 || options.LayerDilations.Count != 4 || options.LayerStrides.Concat(options.LayerDilations).Any(v => v < 1))
        {
            throw new ArgumentException(
                $"{options.Network}: a ResNet has four layers with positive strides and dilations; strides [{string.Join(", ", options.LayerStrides)}], dilations [{string.Join(", ", options.LayerDilations)}] were given.",
                nameof(options));
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
                (x, width) = Block(g, x, weights.Scope($"layer{layer}.{blocks}."), stride, options.LayerDilations[layer - 1], options);
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
    /// 1-wide conv, the 3-wide convolutions dilated by <paramref name="dilation"/>; s = identity, downsample.1(downsample.0(x))
    /// when present, or shortcut "A" (x subsampled by the stride, zero channels appended). Returns the output and its width.
    /// </summary>
    private static (string Output, int Width) Block(OnnxGraphBuilder g, string x, StateDict block, int stride, int dilation, ResNetOnnxOptions options)
    {
        var eps = options.BatchNormEpsilon;
        var bottleneck = block.Contains("conv3.weight");
        // The strided, dilated convolution is conv1 and conv2 in a basic block (both 3-wide) and conv2 in a bottleneck (1-wide → 3-wide → 1-wide).
        var y = NetworkOps.Relu(g, NetworkOps.BatchNorm(g, NetworkOps.Conv(g, x, block, "conv1", bottleneck ? 1 : stride, dilation: bottleneck ? 1 : dilation), block, "bn1", eps));
        y = NetworkOps.BatchNorm(g, NetworkOps.Conv(g, y, block, "conv2", bottleneck ? stride : 1, dilation: dilation), block, "bn2", eps);
        var last = "conv2";
        if (bottleneck)
        {
            y = NetworkOps.BatchNorm(g, NetworkOps.Conv(g, NetworkOps.Relu(g, y), block, "conv3", 1), block, "bn3", eps);
            last = "conv3";
        }

        var (inWidth, outWidth) = (block.Get("conv1.weight").Shape[1], block.Get(last + ".weight").Shape[0]);
        var sum = g.AddNode("Add", [y, Shortcut(g, x, block, stride, inWidth, outWidth, options)], block.Prefix + "sum");
        return (NetworkOps.Relu(g, sum), (int)outWidth);
    }

    /// <summary>
    /// The residual path: downsample.1(downsample.0(x)) ("B") when the block holds it; else, when the stride or width
    /// changes, shortcut "A" as MedicalNet's <c>downsample_basic_block</c> (x[..., ::s, ::s(, ::s)] with
    /// <paramref name="outWidth"/> − <paramref name="inWidth"/> zero channels appended); else x.
    /// </summary>
    private static string Shortcut(OnnxGraphBuilder g, string x, StateDict block, int stride, long inWidth, long outWidth, ResNetOnnxOptions options)
    {
        if (block.Contains("downsample.0.weight"))
        {
            return options.ZeroPadShortcut
                ? throw new ArgumentException($"{options.Network}: block '{block.Prefix}' holds downsample weights, but the layout's shortcut is \"A\" (zero padding, no parameters).", nameof(block))
                : NetworkOps.BatchNorm(g, NetworkOps.Conv(g, x, block, "downsample.0", stride), block, "downsample.1", options.BatchNormEpsilon);
        }

        if (stride == 1 && inWidth == outWidth)
        {
            return x;
        }

        if (!options.ZeroPadShortcut)
        {
            throw new ArgumentException(
                $"{options.Network}: block '{block.Prefix}' changes the shape ({inWidth} → {outWidth} channels, stride {stride}) but holds no '{block.Prefix}downsample.0.weight', and the layout has no shortcut \"A\".",
                nameof(block));
        }

        var spatialDims = NetworkOps.SpatialDims(block, "conv1.weight");
        var axes = Enumerable.Range(2, spatialDims).Select(a => (long)a).ToArray();
        var subsampled = stride == 1
            ? x
            : TransformerOps.Slice(g, x, axes, new long[spatialDims], Enumerable.Repeat(long.MaxValue, spatialDims).ToArray(), Enumerable.Repeat((long)stride, spatialDims).ToArray());
        return TransformerOps.PadEnd(g, subsampled, [0, outWidth - inWidth, .. new long[spatialDims]]);
    }
}
