using OlnmMl.Onnx.Graph;

namespace OlnmMl.Onnx.Networks;

/// <summary>
/// Writes a 3D Swin Transformer encoder in the Swin-UNETR <c>swinViT</c> layout (as OlnmMl.Torch's
/// <c>SwinEncoder</c> builds it) from its <c>state_dict</c>: <c>patch_embed.proj</c> (Conv3d, kernel = stride = patch)
/// → channels-last → <c>layers1.0</c>..<c>layers4.0</c> (blocks alternating unshifted and ⌊w/2⌋-shifted window
/// attention, then patch merging: 8 strided sub-grids concatenated → <c>downsample.norm</c> → <c>downsample.reduction</c>)
/// → parameter-free layer norm over channels → mean over the grid [N, 16·C]. Patch, window (from the
/// (2w−1)³-row bias tables), heads, depths and widths are read from the parameters; the grid must be static.
/// </summary>
public static class SwinEncoderOnnx
{
    /// <summary>The patch-merging sub-grid offsets (d, h, w) in MONAI's v1 order (which repeats two of them).</summary>
    private static readonly long[][] MergeOffsets = [[0, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 1], [0, 1, 0], [0, 0, 1], [1, 1, 1]];

    /// <summary>Name of the patch-embedding convolution's weight, relative to the encoder prefix.</summary>
    public const string StemWeight = "patch_embed.proj.weight";

    /// <summary>Whether <paramref name="weights"/> hold a Swin encoder (a <see cref="StemWeight"/>).</summary>
    public static bool IsSwin(StateDict weights) => weights.Contains(StemWeight);

    /// <summary>
    /// Appends the encoder reading <paramref name="image"/> [N,C_in,S,S,S] with the static edge <paramref name="imageEdge"/>;
    /// returns the pooled features [N,width].
    /// </summary>
    /// <exception cref="KeyNotFoundException">A required parameter is missing (its full name is given).</exception>
    /// <exception cref="ArgumentException">The edge is smaller than the patch, a stage has no blocks, or a bias table is not (2w−1)³ rows.</exception>
    public static (string Features, int Width) AppendEncoder(OnnxGraphBuilder g, string image, StateDict weights, int imageEdge)
    {
        var stem = weights.Get(StemWeight, rank: 5);
        var patch = (int)stem.Shape[2];
        if (imageEdge < patch)
        {
            throw new ArgumentException($"The image edge {imageEdge} is smaller than the Swin patch {patch} of '{weights.Prefix}{StemWeight}'.", nameof(imageEdge));
        }

        var channels = (int)stem.Shape[0];
        var edge = imageEdge / patch;
        long[] grid = [edge, edge, edge];
        var x = NetworkOps.Conv(g, image, weights, "patch_embed.proj", stride: patch, padding: 0);
        x = TransformerOps.Transpose(g, x, 0, 2, 3, 4, 1);
        for (var stage = 1; stage <= 4; stage++)
        {
            var layer = weights.Scope($"layers{stage}.0.");
            (x, grid, channels) = Stage(g, x, layer, grid, channels);
        }

        x = TransformerOps.PlainLayerNorm(g, x, channels, weights.Prefix + "proj_out");
        var features = g.AddNode("ReduceMean", [x], weights.Prefix + "features", OnnxAttribute.Ints("axes", 1, 2, 3), OnnxAttribute.Int("keepdims", 0));
        g.AnnotateShape(features, OnnxElementType.Float, OnnxDim.Batch, channels);
        return (features, channels);
    }

    /// <summary>One stage on channels-last input: its blocks, then patch merging; returns the output, its grid and width.</summary>
    private static (string Output, long[] Grid, int Width) Stage(OnnxGraphBuilder g, string x, StateDict layer, long[] grid, int channels)
    {
        if (!layer.Contains("blocks.0.norm1.weight"))
        {
            throw new ArgumentException($"The state dict has no blocks for '{layer.Prefix}' (no '{layer.Prefix}blocks.0.norm1.weight').", nameof(layer));
        }

        for (var b = 0; layer.Contains($"blocks.{b}.norm1.weight"); b++)
        {
            var block = layer.Scope($"blocks.{b}.");
            var window = Window(block);
            x = SwinBlockOnnx.Append(g, x, block, grid, channels, window, b % 2 == 0 ? 0 : window / 2);
        }

        return Merge(g, x, layer.Scope("downsample."), grid, channels);
    }

    /// <summary>The configured window edge w of a block, from its bias table of (2w−1)³ rows.</summary>
    private static int Window(StateDict block)
    {
        var rows = block.Get("attn.relative_position_bias_table", rank: 2).Shape[0];
        var span = (int)Math.Round(Math.Cbrt(rows));
        if ((long)span * span * span != rows || span % 2 == 0)
        {
            throw new ArgumentException($"'{block.Prefix}attn.relative_position_bias_table' has {rows} rows; (2w−1)³ was expected.", nameof(block));
        }

        return (span + 1) / 2;
    }

    /// <summary>Patch merging: pad odd axes, concatenate the eight strided sub-grids, norm (8C), reduction (8C → 2C).</summary>
    private static (string Output, long[] Grid, int Width) Merge(OnnxGraphBuilder g, string x, StateDict downsample, long[] grid, int channels)
    {
        long[] even = [.. grid.Select(v => v + (v % 2))];
        if (!even.SequenceEqual(grid))
        {
            x = TransformerOps.PadEnd(g, x, 0, even[0] - grid[0], even[1] - grid[1], even[2] - grid[2], 0);
        }

        var parts = MergeOffsets.Select(o => TransformerOps.Slice(g, x, [1, 2, 3], o, even, [2, 2, 2])).ToArray();
        var merged = g.AddNode("Concat", parts, downsample.Prefix + "concat", OnnxAttribute.Int("axis", -1));
        var reduced = TransformerOps.Linear(g, TransformerOps.LayerNorm(g, merged, downsample, "norm"), downsample, "reduction");
        return (reduced, [.. even.Select(v => v / 2)], 2 * channels);
    }
}
