using OlnmMl.Torch.Networks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Fusion;

/// <summary>
/// The fusion classifier: <c>encoder</c> (a headless <see cref="FeatureNetwork"/>, absent for
/// radiomics-only), <c>radiomics_projection</c> (Linear k → W, for the starred modes),
/// <c>deep_weight</c>/<c>radiomics_weight</c> (learnable add*) and <c>head</c> (Linear → 2 logits).
/// <see cref="Embedding"/> is the fused vector the contrastive loss acts on.
/// </summary>
public sealed class FusionNetwork : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly FeatureNetwork? encoder;
    private readonly Linear? radiomics_projection;
    private readonly Parameter? deep_weight;
    private readonly Parameter? radiomics_weight;
    private readonly Linear head;
    private readonly FusionMode mode;

    /// <summary>
    /// Builds the network for <paramref name="mode"/> with the named encoder and k radiomics features.
    /// A non-null <paramref name="generator"/> draws every initial weight from it (see
    /// <see cref="NetworkCatalog.Create"/>); null uses torch's process-wide generator, for networks
    /// whose weights are loaded or copied afterwards.
    /// </summary>
    public FusionNetwork(FusionMode mode, string architecture, int imageChannels, int radiomicsWidth, Generator? generator = null) : base("fusion")
    {
        this.mode = mode;
        if (mode.UsesRadiomics() && radiomicsWidth < 1)
        {
            throw new ArgumentException($"Fusion mode '{mode.Name()}' needs at least one radiomics feature.", nameof(radiomicsWidth));
        }
        encoder = mode.UsesImage() ? NetworkCatalog.Create(architecture, imageChannels, generator: generator) : null;
        int deepWidth = encoder?.FeatureWidth ?? 0;
        if (mode is FusionMode.AddProjected or FusionMode.LearnableAddProjected or FusionMode.ConcatProjected)
        {
            radiomics_projection = nn.Linear(radiomicsWidth, deepWidth);
        }
        if (mode == FusionMode.LearnableAddProjected)
        {
            deep_weight = new Parameter(ones(1));
            radiomics_weight = new Parameter(ones(1));
        }
        EmbeddingWidth = mode switch
        {
            FusionMode.AddProjected or FusionMode.LearnableAddProjected or FusionMode.DeepOnly => deepWidth,
            FusionMode.ConcatProjected => 2 * deepWidth,
            FusionMode.Concat => deepWidth + radiomicsWidth,
            _ => radiomicsWidth,
        };
        head = nn.Linear(EmbeddingWidth, 2);
        RegisterComponents();
        if (generator is not null)
        {
            if (radiomics_projection is not null)
            {
                NetworkInitialisation.PyTorchDefaults(radiomics_projection, generator);
            }
            NetworkInitialisation.PyTorchDefaults(head, generator);
        }
    }

    /// <summary>Width of the fused vector fed to the head.</summary>
    public int EmbeddingWidth { get; }

    /// <summary>The image encoder (null for radiomics-only); load pre-trained weights into it.</summary>
    public FeatureNetwork? Encoder => encoder;

    /// <summary>The fused vector <c>[N, EmbeddingWidth]</c> of images <c>[N, C, D, H, W]</c> and radiomics <c>[N, k]</c>.</summary>
    public Tensor Embedding(Tensor image, Tensor radiomics)
    {
        using var scope = NewDisposeScope();
        var deep = encoder?.Features(image);
        var fused = mode switch
        {
            FusionMode.AddProjected => deep! + radiomics_projection!.forward(radiomics),
            FusionMode.LearnableAddProjected => deep_weight! * deep! + radiomics_weight! * radiomics_projection!.forward(radiomics),
            FusionMode.ConcatProjected => cat([deep!, radiomics_projection!.forward(radiomics)], 1),
            FusionMode.Concat => cat([deep!, radiomics], 1),
            FusionMode.DeepOnly => deep!,
            _ => radiomics.alias(),
        };
        return fused.MoveToOuterDisposeScope();
    }

    /// <summary>Two-class logits <c>[N, 2]</c> (class 1 = positive).</summary>
    public override Tensor forward(Tensor image, Tensor radiomics)
    {
        using var fused = Embedding(image, radiomics);
        return head.forward(fused);
    }

    /// <summary>Logits and the fused vector from one pass (training needs both).</summary>
    public (Tensor Logits, Tensor Embedding) ForwardWithEmbedding(Tensor image, Tensor radiomics)
    {
        var fused = Embedding(image, radiomics);
        return (head.forward(fused), fused);
    }
}
