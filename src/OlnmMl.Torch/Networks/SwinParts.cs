using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Networks;

/// <summary>MONAI <c>PatchEmbed</c> without norm: <c>proj</c> = Conv3d(k = stride = patch).</summary>
internal sealed class SwinPatchEmbed : nn.Module<Tensor, Tensor>
{
    private readonly Conv3d proj;

    public SwinPatchEmbed(long inChannels, long embedDim, long patch) : base("patch_embed")
    {
        proj = nn.Conv3d(inChannels, embedDim, patch, stride: patch);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => proj.forward(input);
}

/// <summary>
/// MONAI <c>WindowAttention</c>: <c>qkv</c>, <c>proj</c>, <c>relative_position_bias_table</c>
/// ((2w−1)³ × heads) and the persistent buffer <c>relative_position_index</c>.
/// softmax(q·kᵀ/√d + bias [+ shift mask])·v.
/// </summary>
internal sealed class SwinWindowAttention : nn.Module<Tensor, Tensor?, Tensor>
{
    private readonly Linear qkv;
    private readonly Linear proj;
    private readonly long heads;
    private readonly double scale;

    public SwinWindowAttention(long dim, long heads, int window) : base("attn")
    {
        this.heads = heads;
        scale = 1.0 / Math.Sqrt(dim / heads);
        qkv = nn.Linear(dim, dim * 3);
        proj = nn.Linear(dim, dim);
        RegisterComponents();
        long span = 2 * window - 1;
        var table = zeros(span * span * span, heads);
        nn.init.trunc_normal_(table, std: 0.02);
        register_parameter("relative_position_bias_table", new Parameter(table));
        register_buffer("relative_position_index", SwinWindows.RelativePositionIndex(window));
    }

    /// <summary>Redraws <c>relative_position_bias_table</c> from N(0, 0.02²) truncated to [−2, 2] with <paramref name="generator"/>.</summary>
    public void DrawBiasTable(Generator generator)
    {
        using var noGrad = no_grad();
        nn.init.trunc_normal_(get_parameter("relative_position_bias_table")!, std: 0.02, generator: generator);
    }

    public override Tensor forward(Tensor x, Tensor? mask)
    {
        using var scope = NewDisposeScope();
        long b = x.shape[0], n = x.shape[1], c = x.shape[2];
        var qkvParts = qkv.forward(x).reshape(b, n, 3, heads, c / heads).permute(2, 0, 3, 1, 4);
        var q = qkvParts[0] * scale;
        var k = qkvParts[1];
        var v = qkvParts[2];
        var attention = q.matmul(k.transpose(-2, -1));
        var index = get_buffer("relative_position_index")!.slice(0, 0, n, 1).slice(1, 0, n, 1).reshape(-1);
        var bias = get_parameter("relative_position_bias_table")!.index_select(0, index).reshape(n, n, -1).permute(2, 0, 1);
        attention = attention + bias.unsqueeze(0);
        if (mask is not null)
        {
            long windows = mask.shape[0];
            attention = attention.view(b / windows, windows, heads, n, n) + mask.unsqueeze(1).unsqueeze(0);
            attention = attention.view(-1, heads, n, n);
        }
        attention = attention.softmax(-1);
        var output = attention.matmul(v).transpose(1, 2).reshape(b, n, c);
        return proj.forward(output).MoveToOuterDisposeScope();
    }
}

/// <summary>MONAI <c>MLPBlock</c> (swin mode): <c>linear1</c> (C → r·C), GELU, <c>linear2</c> (r·C → C).</summary>
internal sealed class SwinMlp : nn.Module<Tensor, Tensor>
{
    private readonly Linear linear1;
    private readonly Linear linear2;

    public SwinMlp(long dim, long hidden) : base("mlp")
    {
        linear1 = nn.Linear(dim, hidden);
        linear2 = nn.Linear(hidden, dim);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var hidden = nn.functional.gelu(linear1.forward(input));
        return linear2.forward(hidden);
    }
}

/// <summary>
/// MONAI <c>PatchMerging</c> (v1, the layout of the published Swin-UNETR weights): pad odd axes,
/// concatenate the eight strided sub-grids in MONAI's order (which repeats two of them), then
/// <c>norm</c> (LayerNorm 8C) and <c>reduction</c> (Linear 8C → 2C, no bias). Input and output
/// are channels-last.
/// </summary>
internal sealed class SwinPatchMerging : nn.Module<Tensor, Tensor>
{
    private static readonly int[][] Offsets = [[0, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 1], [0, 1, 0], [0, 0, 1], [1, 1, 1]];
    private readonly LayerNorm norm;
    private readonly Linear reduction;

    public SwinPatchMerging(long dim) : base("downsample")
    {
        norm = nn.LayerNorm(8 * dim);
        reduction = nn.Linear(8 * dim, 2 * dim, hasBias: false);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        long d = x.shape[1], h = x.shape[2], w = x.shape[3];
        if (d % 2 == 1 || h % 2 == 1 || w % 2 == 1)
        {
            x = nn.functional.pad(x, [0, 0, 0, w % 2, 0, h % 2, 0, d % 2]);
        }
        var parts = new Tensor[Offsets.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            var o = Offsets[i];
            parts[i] = x.slice(1, o[0], x.shape[1], 2).slice(2, o[1], x.shape[2], 2).slice(3, o[2], x.shape[3], 2);
        }
        return reduction.forward(norm.forward(cat(parts, -1))).MoveToOuterDisposeScope();
    }
}
