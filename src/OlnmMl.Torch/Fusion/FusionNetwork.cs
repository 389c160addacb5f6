using OlnmMl.Torch.Networks;
using OlnmMl.Torch.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Fusion;

/// <summary>
/// The fusion classifier built from a <see cref="FusionNetworkSpec"/>: <c>encoders.NAME</c> (one headless
/// <see cref="FeatureNetwork"/> per <see cref="EncoderSpec"/>, each reading its channels of the image input; their
/// pooled features concatenated give the deep vector d of width W = Σ widths), <c>radiomics_projection</c>
/// (Linear k → W, for the starred modes), <c>deep_weight</c>/<c>radiomics_weight</c> (learnable add*) and
/// <c>head</c> (Linear → 2 logits). <see cref="Embedding"/> is the fused vector the contrastive loss acts on.
/// </summary>
public sealed class FusionNetwork : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly ModuleDict<FeatureNetwork> encoders;
    private readonly Linear? radiomics_projection;
    private readonly Parameter? deep_weight;
    private readonly Parameter? radiomics_weight;
    private readonly Linear head;
    private readonly FusionMode mode;
    private readonly (string Name, long[]? Channels)[] routes;

    /// <summary>
    /// Builds the network of <paramref name="spec"/>. A non-null <paramref name="generator"/> draws every initial
    /// weight from it (see <see cref="NetworkCatalog.Create"/>); null uses torch's process-wide generator, for
    /// networks whose weights are loaded or copied afterwards.
    /// </summary>
    /// <exception cref="ArgumentException">The spec is invalid (see <see cref="FusionNetworkSpec.Validate"/>).</exception>
    public FusionNetwork(FusionNetworkSpec spec, Generator? generator = null) : base("fusion")
    {
        spec.Validate();
        Spec = spec;
        mode = spec.ParsedMode;
        encoders = nn.ModuleDict(spec.Encoders
            .Select(e => (e.Name, NetworkCatalog.Create(e.Architecture, e.Channels.Count, generator: generator)))
            .ToArray());
        // An encoder reading every channel in order takes the input as it is; others select their channels.
        routes = spec.Encoders
            .Select(e => (e.Name, e.Channels.SequenceEqual(spec.ChannelKeys) ? null : spec.ChannelIndices(e)))
            .ToArray();
        int deepWidth = spec.Encoders.Sum(e => encoders[e.Name].FeatureWidth);
        int radiomicsWidth = spec.RadiomicsWidth;
        if (mode is FusionMode.AddProjected or FusionMode.LearnableAddProjected or FusionMode.ConcatProjected)
        {
            radiomics_projection = nn.Linear(radiomicsWidth, deepWidth);
        }
        if (mode == FusionMode.LearnableAddProjected)
        {
            deep_weight = new Parameter(ones(1));
            radiomics_weight = new Parameter(ones(1));
        }
        DeepWidth = deepWidth;
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

    /// <summary>The description the network was built from.</summary>
    public FusionNetworkSpec Spec { get; }

    /// <summary>Width W of the deep vector (the encoders' features concatenated; 0 for radiomics-only).</summary>
    public int DeepWidth { get; }

    /// <summary>Width of the fused vector fed to the head.</summary>
    public int EmbeddingWidth { get; }

    /// <summary>The encoder named <paramref name="name"/> (load pre-trained weights into it).</summary>
    public FeatureNetwork Encoder(string name) => encoders[name];

    /// <summary>The encoders in spec order.</summary>
    public IReadOnlyList<FeatureNetwork> Encoders => Spec.Encoders.Select(e => encoders[e.Name]).ToArray();

    /// <summary>
    /// The fused vector <c>[N, EmbeddingWidth]</c> of images <c>[N, C, D, H, W]</c> (the spec's shape, asserted)
    /// and radiomics <c>[N, k]</c>.
    /// </summary>
    public Tensor Embedding(Tensor image, Tensor radiomics)
    {
        using var scope = NewDisposeScope();
        var deep = routes.Length == 0 ? null : Deep(image);
        var fused = mode switch
        {
            FusionMode.AddProjected => deep!.add(radiomics_projection!.forward(radiomics), ScalarValue.One),
            FusionMode.LearnableAddProjected => (deep_weight! * deep!).add(radiomics_weight! * radiomics_projection!.forward(radiomics), ScalarValue.One),
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

    private Tensor Deep(Tensor image)
    {
        var shape = Spec.ImageShape;
        if (image.dim() != 5 || image.shape[1] != shape[0] || image.shape[2] != shape[1] || image.shape[3] != shape[2] || image.shape[4] != shape[3])
        {
            throw new ArgumentException(
                $"The fusion network expects images of shape [N, {string.Join(", ", shape)}]; got [{string.Join(", ", image.shape)}].", nameof(image));
        }

        var features = new Tensor[routes.Length];
        for (int i = 0; i < routes.Length; i++)
        {
            var (name, channels) = routes[i];
            var input = channels is null ? image : image.index_select(1, tensor(channels, device: image.device));
            features[i] = encoders[name].Features(input);
        }
        return features.Length == 1 ? features[0] : cat(features, 1);
    }
}
