using OlnmMl.Torch.Training;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Networks;

/// <summary>Window partitioning, shift masks and relative-position indices of 3D Swin (MONAI semantics).</summary>
internal static class SwinWindows
{
    /// <summary>MONAI <c>get_window_size</c>: along an axis no longer than the window, the window shrinks to it and the shift is 0.</summary>
    public static (long[] Window, long[] Shift) Effective(long[] size, long window, long shift)
    {
        var w = new long[3];
        var s = new long[3];
        for (int i = 0; i < 3; i++)
        {
            w[i] = size[i] <= window ? size[i] : window;
            s[i] = size[i] <= window ? 0 : shift;
        }
        return (w, s);
    }

    /// <summary><c>[B, D, H, W, C]</c> → <c>[B·windows, wd·wh·ww, C]</c>.</summary>
    public static Tensor Partition(Tensor x, long[] w)
    {
        long b = x.shape[0], d = x.shape[1], h = x.shape[2], wd = x.shape[3], c = x.shape[4];
        return x.view(b, d / w[0], w[0], h / w[1], w[1], wd / w[2], w[2], c)
            .permute(0, 1, 3, 5, 2, 4, 6, 7).contiguous().view(-1, w[0] * w[1] * w[2], c);
    }

    /// <summary>Inverse of <see cref="Partition"/> for a padded grid <paramref name="dims"/> = (B, D, H, W).</summary>
    public static Tensor Reverse(Tensor windows, long[] w, long[] dims)
    {
        long b = dims[0], d = dims[1], h = dims[2], wd = dims[3];
        return windows.view(b, d / w[0], h / w[1], wd / w[2], w[0], w[1], w[2], -1)
            .permute(0, 1, 4, 2, 5, 3, 6, 7).contiguous().view(b, d, h, wd, -1);
    }

    /// <summary>
    /// MONAI <c>compute_mask</c>: label the 27 shifted regions of the padded grid, partition into
    /// windows, and give −100 to pairs of tokens from different regions (0 otherwise).
    /// Shape <c>[windows, n, n]</c>.
    /// </summary>
    public static Tensor ShiftMask(long[] padded, long[] w, long[] s, Device device)
    {
        var labels = new float[padded[0] * padded[1] * padded[2]];
        for (long z = 0; z < padded[0]; z++)
        {
            for (long y = 0; y < padded[1]; y++)
            {
                for (long x = 0; x < padded[2]; x++)
                {
                    int region = 9 * Region(z, padded[0], w[0], s[0]) + 3 * Region(y, padded[1], w[1], s[1]) + Region(x, padded[2], w[2], s[2]);
                    labels[(z * padded[1] + y) * padded[2] + x] = region;
                }
            }
        }
        using var scope = NewDisposeScope();
        var grid = tensor(labels, [1, padded[0], padded[1], padded[2], 1], device: device);
        var windows = Partition(grid, w).squeeze(-1);
        var difference = windows.unsqueeze(1) - windows.unsqueeze(2);
        using var zero = ScalarValue.Of(0);
        using var masked = ScalarValue.Of(-100);
        return difference.ne(zero.Value).to(ScalarType.Float32).mul(masked.Value).MoveToOuterDisposeScope();
    }

    /// <summary>Slices (−∞, −w), [−w, −s), [−s, ∞) of MONAI's mask loop, as 0, 1, 2.</summary>
    private static int Region(long index, long size, long window, long shift) =>
        index < size - window ? 0 : index < size - shift ? 1 : 2;

    /// <summary>
    /// MONAI <c>relative_position_index</c> for a cubic window: for tokens i, j with coordinates
    /// (d, h, w), index = (Δd + w−1)(2w−1)² + (Δh + w−1)(2w−1) + (Δw + w−1), Δ = coord_i − coord_j.
    /// </summary>
    public static Tensor RelativePositionIndex(int window)
    {
        int n = window * window * window;
        int span = 2 * window - 1;
        var index = new long[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                int dd = i / (window * window) - j / (window * window) + window - 1;
                int dh = i / window % window - j / window % window + window - 1;
                int dw = i % window - j % window + window - 1;
                index[i * n + j] = (long)dd * span * span + dh * span + dw;
            }
        }
        return tensor(index, [n, n]);
    }
}
