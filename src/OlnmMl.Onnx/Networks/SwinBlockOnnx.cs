using OlnmMl.Onnx.Graph;

namespace OlnmMl.Onnx.Networks;

/// <summary>
/// One MONAI <c>SwinTransformerBlock</c> on channels-last [N, D, H, W, C] with a static grid:
/// x + W-MSA(norm1 x) (windows padded to whole windows, cyclically shifted by −s and masked when s ≠ 0),
/// then x + linear2(GELU(linear1(norm2 x))). W-MSA per window of n tokens:
/// softmax(q·kᵀ/√(C/heads) + B [+ M])·v → proj, B[h,i,j] = table[index(i,j), h], M = −100 across shift regions.
/// </summary>
internal static class SwinBlockOnnx
{
    /// <summary>Appends the block with configured window <paramref name="window"/> and shift <paramref name="shift"/> (0 or ⌊window/2⌋).</summary>
    public static string Append(OnnxGraphBuilder g, string x, StateDict block, long[] grid, int channels, int window, int shift)
    {
        var attended = g.AddNode("Add", [x, Attend(g, TransformerOps.LayerNorm(g, x, block, "norm1"), block, grid, channels, window, shift)], block.Prefix + "attended");
        var hidden = TransformerOps.Gelu(g, TransformerOps.Linear(g, TransformerOps.LayerNorm(g, attended, block, "norm2"), block, "mlp.linear1"));
        return g.AddNode("Add", [attended, TransformerOps.Linear(g, hidden, block, "mlp.linear2")], block.Prefix + "out");
    }

    private static string Attend(OnnxGraphBuilder g, string x, StateDict block, long[] grid, int channels, int window, int shift)
    {
        var (w, s) = SwinWindowGeometry.Effective(grid, window, shift);
        var padded = SwinWindowGeometry.Padded(grid, w);
        if (!padded.SequenceEqual(grid))
        {
            x = TransformerOps.PadEnd(g, x, 0, padded[0] - grid[0], padded[1] - grid[1], padded[2] - grid[2], 0);
        }

        var shifted = s.Any(v => v > 0);
        for (var axis = 0; axis < 3 && shifted; axis++)
        {
            x = TransformerOps.Roll(g, x, axis + 1, padded[axis], -s[axis]);
        }

        var n = w[0] * w[1] * w[2];
        var windows = TransformerOps.Reshape(g, x, -1, padded[0] / w[0], w[0], padded[1] / w[1], w[1], padded[2] / w[2], w[2], channels);
        windows = TransformerOps.Reshape(g, TransformerOps.Transpose(g, windows, 0, 1, 3, 5, 2, 4, 6, 7), -1, n, channels);
        var mask = shifted ? ShiftMask(g, block, padded, w, s) : ((string Mask, long Windows)?)null;
        var y = WindowAttention(g, windows, block.Scope("attn."), n, channels, window, mask);

        y = TransformerOps.Reshape(g, y, -1, padded[0] / w[0], padded[1] / w[1], padded[2] / w[2], w[0], w[1], w[2], channels);
        y = TransformerOps.Reshape(g, TransformerOps.Transpose(g, y, 0, 1, 4, 2, 5, 3, 6, 7), -1, padded[0], padded[1], padded[2], channels);
        for (var axis = 0; axis < 3 && shifted; axis++)
        {
            y = TransformerOps.Roll(g, y, axis + 1, padded[axis], s[axis]);
        }

        return padded.SequenceEqual(grid) ? y : TransformerOps.Slice(g, y, [1, 2, 3], [0, 0, 0], grid, [1, 1, 1]);
    }

    /// <summary>
    /// [windows, n, C] → [windows, n, C]. <paramref name="mask"/> (when given) is [1, nW, 1, n, n], added to the
    /// scores viewed as [N, nW, heads, n, n].
    /// </summary>
    private static string WindowAttention(OnnxGraphBuilder g, string x, StateDict attn, long n, int channels, int window, (string Mask, long Windows)? mask)
    {
        var table = attn.Get("relative_position_bias_table", rank: 2);
        var heads = table.Shape[1];
        var headWidth = channels / heads;
        var qkv = TransformerOps.Reshape(g, TransformerOps.Linear(g, x, attn, "qkv"), -1, n, 3, heads, headWidth);
        qkv = TransformerOps.Transpose(g, qkv, 2, 0, 3, 1, 4);
        string Part(long i) => g.AddNode("Gather", [qkv, g.AddInitializer(attn.Prefix + "part", [i], [])], attn.Prefix + "qkv" + i, OnnxAttribute.Int("axis", 0));
        var q = g.AddNode("Mul", [Part(0), g.AddScalar(attn.Prefix + "scale", (float)(1.0 / Math.Sqrt(headWidth)))], attn.Prefix + "q");
        var scores = g.AddNode("MatMul", [q, TransformerOps.Transpose(g, Part(1), 0, 1, 3, 2)], attn.Prefix + "scores");

        var index = SwinWindowGeometry.RelativePositionIndex(window, n);
        var gathered = g.AddNode(
            "Gather",
            [g.AddInitializer(attn.Prefix + "relative_position_bias_table", table.Data, table.Shape), g.AddInitializer(attn.Prefix + "relative_position_index", index, [index.Length])],
            attn.Prefix + "bias_rows",
            OnnxAttribute.Int("axis", 0));
        var bias = TransformerOps.Transpose(g, TransformerOps.Reshape(g, gathered, n, n, heads), 2, 0, 1);
        scores = g.AddNode("Add", [scores, bias], attn.Prefix + "biased");
        if (mask is { } m)
        {
            var perWindow = TransformerOps.Reshape(g, scores, -1, m.Windows, heads, n, n);
            scores = TransformerOps.Reshape(g, g.AddNode("Add", [perWindow, m.Mask], attn.Prefix + "masked"), -1, heads, n, n);
        }

        var probabilities = g.AddNode("Softmax", [scores], attn.Prefix + "softmax", OnnxAttribute.Int("axis", -1));
        var output = g.AddNode("MatMul", [probabilities, Part(2)], attn.Prefix + "weighted");
        output = TransformerOps.Reshape(g, TransformerOps.Transpose(g, output, 0, 2, 1, 3), -1, n, channels);
        return TransformerOps.Linear(g, output, attn, "proj");
    }

    /// <summary>M[0, w, 0, i, j] = 0 when tokens i and j of window w share a shift region, −100 otherwise; and the window count.</summary>
    private static (string Mask, long Windows) ShiftMask(OnnxGraphBuilder g, StateDict block, long[] padded, long[] w, long[] s)
    {
        var labels = SwinWindowGeometry.WindowedRegionLabels(padded, w, s);
        var n = w[0] * w[1] * w[2];
        var count = labels.Length / n;
        var rows = g.AddInitializer(block.Prefix + "mask_rows", labels, [1, count, 1, n, 1]);
        var cols = g.AddInitializer(block.Prefix + "mask_cols", labels, [1, count, 1, 1, n]);
        var same = g.AddNode("Equal", [rows, cols], block.Prefix + "same_region");
        return (g.AddNode("Where", [same, g.AddScalar(block.Prefix + "unmasked", 0f), g.AddScalar(block.Prefix + "masked", -100f)], block.Prefix + "mask"), count);
    }
}
