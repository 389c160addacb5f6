using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Networks;

/// <summary>
/// MONAI <c>SwinTransformerBlock</c> on channels-last input <c>[B, D, H, W, C]</c>:
/// x + W-MSA(norm1(x)) with the windows cyclically shifted by <c>shift</c> (masked), then
/// x + mlp(norm2(x)). Children: norm1, attn, norm2, mlp.
/// </summary>
internal sealed class SwinBlock : nn.Module<Tensor, Tensor?, Tensor>
{
    private readonly LayerNorm norm1;
    private readonly SwinWindowAttention attn;
    private readonly LayerNorm norm2;
    private readonly SwinMlp mlp;
    private readonly int window;
    private readonly int shift;

    public SwinBlock(long dim, long heads, int window, int shift, int mlpRatio) : base("block")
    {
        this.window = window;
        this.shift = shift;
        norm1 = nn.LayerNorm(dim);
        attn = new SwinWindowAttention(dim, heads, window);
        norm2 = nn.LayerNorm(dim);
        mlp = new SwinMlp(dim, dim * mlpRatio);
        RegisterComponents();
    }

    /// <summary><paramref name="mask"/> is the shift mask of the stage (used only when this block shifts).</summary>
    public override Tensor forward(Tensor x, Tensor? mask)
    {
        using var scope = NewDisposeScope();
        var attended = x + Attend(norm1.forward(x), mask);
        return (attended + mlp.forward(norm2.forward(attended))).MoveToOuterDisposeScope();
    }

    private Tensor Attend(Tensor x, Tensor? mask)
    {
        long b = x.shape[0], d = x.shape[1], h = x.shape[2], w = x.shape[3], c = x.shape[4];
        var (size, offset) = SwinWindows.Effective([d, h, w], window, shift);
        long pd = (size[0] - d % size[0]) % size[0], ph = (size[1] - h % size[1]) % size[1], pw = (size[2] - w % size[2]) % size[2];
        var padded = nn.functional.pad(x, [0, 0, 0, pw, 0, ph, 0, pd]);
        long[] dims = [b, d + pd, h + ph, w + pw];
        bool shifted = offset.Any(s => s > 0);
        if (shifted)
        {
            padded = padded.roll([-offset[0], -offset[1], -offset[2]], [1, 2, 3]);
        }
        var windows = attn.forward(SwinWindows.Partition(padded, size), shifted ? mask : null);
        var merged = SwinWindows.Reverse(windows.view(-1, size[0] * size[1] * size[2], c), size, dims);
        if (shifted)
        {
            merged = merged.roll([offset[0], offset[1], offset[2]], [1, 2, 3]);
        }
        return merged.slice(1, 0, d, 1).slice(2, 0, h, 1).slice(3, 0, w, 1).contiguous();
    }
}

/// <summary>
/// MONAI <c>BasicLayer</c> (one stage): <c>blocks</c> alternate unshifted and half-window
/// shifted attention; <c>downsample</c> (patch merging) halves the grid and doubles the width.
/// Channels-first in and out.
/// </summary>
internal sealed class SwinStage : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<SwinBlock> blocks;
    private readonly SwinPatchMerging downsample;
    private readonly int window;

    public SwinStage(long dim, int depth, long heads, int window, int mlpRatio) : base("layer")
    {
        this.window = window;
        var list = new SwinBlock[depth];
        for (int i = 0; i < depth; i++)
        {
            list[i] = new SwinBlock(dim, heads, window, i % 2 == 0 ? 0 : window / 2, mlpRatio);
        }
        blocks = nn.ModuleList(list);
        downsample = new SwinPatchMerging(dim);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        long d = input.shape[2], h = input.shape[3], w = input.shape[4];
        var (size, offset) = SwinWindows.Effective([d, h, w], window, window / 2);
        long[] padded = [Ceil(d, size[0]), Ceil(h, size[1]), Ceil(w, size[2])];
        var mask = SwinWindows.ShiftMask(padded, size, offset, input.device);
        var x = input.permute(0, 2, 3, 4, 1);
        foreach (var block in blocks)
        {
            x = block.forward(x, mask);
        }
        return downsample.forward(x).permute(0, 4, 1, 2, 3).MoveToOuterDisposeScope();
    }

    private static long Ceil(long size, long window) => (size + window - 1) / window * window;
}
