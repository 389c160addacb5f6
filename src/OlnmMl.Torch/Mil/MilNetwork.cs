using OlnmMl.Torch.Networks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Mil;

/// <summary>
/// A multi-instance classifier, as MONAI's <c>MILModel</c>: <c>encoder</c> (a headless 2D <see cref="FeatureNetwork"/>)
/// maps every instance xₙ [C, H, W] to hₙ [F]; <c>pooling</c> (<see cref="MilPooling"/>) gives the bag vector z [F];
/// <c>head</c> (Linear F → 1) the bag logit s, probability σ(s). The same head applied to one instance's hₙ gives that
/// instance's logit (instance-level training). Only the real instances of a padded batch go through the encoder (so
/// padding never enters its batch-norm statistics either); padded positions get h = 0 and mask 0.
/// </summary>
public sealed class MilNetwork : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly FeatureNetwork encoder;
    private readonly MilPooling pooling;
    private readonly Linear head;

    /// <summary>
    /// Builds the network of <paramref name="spec"/>; a non-null <paramref name="generator"/> draws every initial weight
    /// from it, null uses torch's process-wide generator (for networks whose weights are loaded afterwards).
    /// </summary>
    /// <exception cref="ArgumentException">The spec is invalid (see <see cref="MilNetworkSpec.Validate"/>).</exception>
    public MilNetwork(MilNetworkSpec spec, Generator? generator = null) : base("mil")
    {
        spec.Validate();
        Spec = spec;
        encoder = NetworkCatalog.Create(spec.Architecture, spec.InstanceShape[0], generator: generator);
        pooling = MilPooling.Create(spec.PoolingKind, encoder.FeatureWidth, spec.AttentionWidth, generator);
        head = nn.Linear(encoder.FeatureWidth, 1);
        RegisterComponents();
        if (generator is not null)
        {
            NetworkInitialisation.PyTorchDefaults(head, generator);
        }
    }

    /// <summary>The description the network was built from.</summary>
    public MilNetworkSpec Spec { get; }

    /// <summary>Width F of instance and bag features.</summary>
    public int FeatureWidth => encoder.FeatureWidth;

    /// <summary>The instance encoder (load pre-trained weights into it).</summary>
    public FeatureNetwork Encoder => encoder;

    /// <summary>The pooling module.</summary>
    public MilPooling Pooling => pooling;

    /// <summary>Instance features [M, F] of instances [M, C, H, W].</summary>
    public Tensor InstanceFeatures(Tensor instances)
    {
        var shape = Spec.InstanceShape;
        if (instances.dim() != 4 || instances.shape[1] != shape[0] || instances.shape[2] != shape[1] || instances.shape[3] != shape[2])
        {
            throw new ArgumentException(
                $"The MIL network expects instances of shape [M, {string.Join(", ", shape)}]; got [{string.Join(", ", instances.shape)}].", nameof(instances));
        }
        return encoder.Features(instances);
    }

    /// <summary>Instance features [B, N, F] of a padded batch: instances [B, N, C, H, W], mask [B, N] (0 rows for padding).</summary>
    public Tensor PaddedInstanceFeatures(Tensor instances, Tensor mask)
    {
        if (instances.dim() != 5 || mask.dim() != 2 || mask.shape[0] != instances.shape[0] || mask.shape[1] != instances.shape[1])
        {
            throw new ArgumentException(
                $"The MIL network expects instances [B, N, C, H, W] and a mask [B, N]; got [{string.Join(", ", instances.shape)}] and [{string.Join(", ", mask.shape)}].");
        }
        using var scope = NewDisposeScope();
        long bags = instances.shape[0], slots = instances.shape[1];
        var flat = instances.flatten(0, 1);
        var real = mask.flatten().to_type(ScalarType.Bool).nonzero().squeeze(1);
        var features = InstanceFeatures(flat.index_select(0, real));
        var all = zeros([bags * slots, features.shape[1]], features.dtype, features.device).index_copy(0, real, features);
        return all.reshape(bags, slots, -1).MoveToOuterDisposeScope();
    }

    /// <summary>The pooled bag features z [B, F] (the deep features a tabular model can read).</summary>
    public Tensor BagFeatures(Tensor instances, Tensor mask)
    {
        using var features = PaddedInstanceFeatures(instances, mask);
        return pooling.forward(features, mask);
    }

    /// <summary>Bag logits s [B] of instances [B, N, C, H, W] with mask [B, N].</summary>
    public override Tensor forward(Tensor instances, Tensor mask)
    {
        using var bag = BagFeatures(instances, mask);
        return Logits(bag);
    }

    /// <summary>Bag logits [B] and bag features [B, F] from one pass.</summary>
    public (Tensor Logits, Tensor Features) ForwardWithFeatures(Tensor instances, Tensor mask)
    {
        var bag = BagFeatures(instances, mask);
        return (Logits(bag), bag);
    }

    /// <summary>The head's logits [M] of feature rows [M, F] (bag vectors z or instance features hₙ).</summary>
    public Tensor Logits(Tensor features)
    {
        using var logits = head.forward(features);
        return logits.squeeze(1);
    }
}
