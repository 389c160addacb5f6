using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Networks;

/// <summary>
/// 3D Swin Transformer encoder in the layout of Swin-UNETR's <c>swinViT</c> (MONAI
/// <c>SwinTransformer</c>): <c>patch_embed.proj</c>, <c>layers1.0</c>..<c>layers4.0</c>
/// (blocks + patch merging). The pooled features are the spatial mean of the last stage's
/// output after a parameter-free layer norm over channels (MONAI's <c>proj_out</c>), width 16·C;
/// <c>fc</c> is a linear head on them (absent in headless mode).
/// </summary>
public sealed class SwinEncoder : FeatureNetwork
{
    private readonly SwinPatchEmbed patch_embed;
    private readonly ModuleList<SwinStage> layers1;
    private readonly ModuleList<SwinStage> layers2;
    private readonly ModuleList<SwinStage> layers3;
    private readonly ModuleList<SwinStage> layers4;
    private readonly Linear? fc;
    private readonly int inputChannels;
    private readonly int featureWidth;

    /// <summary>
    /// Builds the encoder; <paramref name="numClasses"/> = 0 gives the headless encoder. Convolution and
    /// linear layers start from PyTorch's defaults, the relative-position bias tables from N(0, 0.02²)
    /// truncated to [−2, 2] (MONAI). A non-null <paramref name="generator"/> draws every weight from it (a training run's own random stream); null draws from torch's process-wide generator, for networks whose weights are loaded afterwards.
    /// </summary>
    public SwinEncoder(SwinArchitecture architecture, int inputChannels = 1, int numClasses = 0, Generator? generator = null) : base(architecture.Name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputChannels, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(numClasses);
        if (architecture.Depths.Length != 4 || architecture.Heads.Length != 4)
        {
            throw new ArgumentException("The Swin-UNETR layout has exactly four stages (layers1..layers4).", nameof(architecture));
        }
        this.inputChannels = inputChannels;
        patch_embed = new SwinPatchEmbed(inputChannels, architecture.EmbedDim, architecture.Patch);
        var stages = new ModuleList<SwinStage>[4];
        for (int i = 0; i < 4; i++)
        {
            long dim = (long)architecture.EmbedDim << i;
            stages[i] = nn.ModuleList(new SwinStage(dim, architecture.Depths[i], architecture.Heads[i], architecture.Window, architecture.MlpRatio));
        }
        (layers1, layers2, layers3, layers4) = (stages[0], stages[1], stages[2], stages[3]);
        featureWidth = architecture.FeatureWidth;
        fc = numClasses > 0 ? nn.Linear(featureWidth, numClasses) : null;
        RegisterComponents();
        if (generator is not null)
        {
            NetworkInitialisation.PyTorchDefaults(this, generator);
            foreach (var (_, child) in named_modules())
            {
                (child as SwinWindowAttention)?.DrawBiasTable(generator);
            }
        }
    }

    /// <inheritdoc/>
    public override int FeatureWidth => featureWidth;

    /// <inheritdoc/>
    public override int InputChannels => inputChannels;

    /// <inheritdoc/>
    public override bool IsHeadless => fc is null;

    /// <inheritdoc/>
    public override Tensor Features(Tensor input)
    {
        CheckInput(input);
        using var scope = NewDisposeScope();
        var x = patch_embed.forward(input);
        x = layers4[0].forward(layers3[0].forward(layers2[0].forward(layers1[0].forward(x))));
        var channelsLast = x.permute(0, 2, 3, 4, 1);
        var normalised = nn.functional.layer_norm(channelsLast, [channelsLast.shape[4]]);
        return normalised.mean([1, 2, 3]).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        if (fc is null)
        {
            return Features(input);
        }
        using var features = Features(input);
        return fc.forward(features);
    }
}
