namespace OlnmMl.Onnx.Networks;

/// <summary>
/// The export-time constants of 3D Swin (MONAI semantics, as OlnmMl.Torch computes them at run time):
/// effective window and shift per grid, shift-region labels of the padded grid, and relative-position indices.
/// </summary>
internal static class SwinWindowGeometry
{
    /// <summary>MONAI <c>get_window_size</c>: along an axis no longer than the window, the window shrinks to it and the shift is 0.</summary>
    public static (long[] Window, long[] Shift) Effective(long[] grid, long window, long shift)
    {
        var w = new long[3];
        var s = new long[3];
        for (var i = 0; i < 3; i++)
        {
            w[i] = grid[i] <= window ? grid[i] : window;
            s[i] = grid[i] <= window ? 0 : shift;
        }

        return (w, s);
    }

    /// <summary>The grid rounded up to whole windows along each axis.</summary>
    public static long[] Padded(long[] grid, long[] window) =>
        [.. grid.Select((g, i) => (g + window[i] - 1) / window[i] * window[i])];

    /// <summary>
    /// Region label (0..26) of every token of the padded grid, grouped by window: <c>[windows, n]</c> row-major,
    /// windows ordered (d, h, w) as in window partitioning, tokens within a window likewise. Along each axis the
    /// regions are the slices (−∞, −w), [−w, −s), [−s, ∞) of MONAI's <c>compute_mask</c> loop. Two tokens of a
    /// window attend to each other unmasked exactly when their labels are equal.
    /// </summary>
    public static float[] WindowedRegionLabels(long[] padded, long[] w, long[] s)
    {
        long nd = padded[0] / w[0], nh = padded[1] / w[1], nw = padded[2] / w[2];
        var n = w[0] * w[1] * w[2];
        var labels = new float[nd * nh * nw * n];
        for (long z = 0; z < padded[0]; z++)
        {
            for (long y = 0; y < padded[1]; y++)
            {
                for (long x = 0; x < padded[2]; x++)
                {
                    var window = ((z / w[0]) * nh + (y / w[1])) * nw + (x / w[2]);
                    var token = ((z % w[0]) * w[1] + (y % w[1])) * w[2] + (x % w[2]);
                    labels[(window * n) + token] = (9 * Region(z, padded[0], w[0], s[0])) + (3 * Region(y, padded[1], w[1], s[1])) + Region(x, padded[2], w[2], s[2]);
                }
            }
        }

        return labels;
    }

    private static int Region(long index, long size, long window, long shift) =>
        index < size - window ? 0 : index < size - shift ? 1 : 2;

    /// <summary>
    /// MONAI <c>relative_position_index</c> of the configured cubic window <paramref name="window"/>, cut to its first
    /// <paramref name="n"/> × <paramref name="n"/> entries (as the attention does for a shrunken window), flattened:
    /// for tokens i, j with coordinates (d, h, w) in the configured window,
    /// index = (Δd + w−1)(2w−1)² + (Δh + w−1)(2w−1) + (Δw + w−1), Δ = coord_i − coord_j.
    /// </summary>
    public static long[] RelativePositionIndex(int window, long n)
    {
        var span = (2 * window) - 1;
        var index = new long[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                long dd = (i / (window * window)) - (j / (window * window)) + window - 1;
                long dh = (i / window % window) - (j / window % window) + window - 1;
                long dw = (i % window) - (j % window) + window - 1;
                index[(i * n) + j] = (dd * span * span) + (dh * span) + dw;
            }
        }

        return index;
    }
}
