using TorchSharp;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Mil;

/// <summary>
/// Pools instance features over the bag axis: <c>forward(features [B, N, F], mask [B, N])</c> → <c>[B, F]</c>, where
/// mask mₙ = 1 marks a real instance and 0 padding. Padding never contributes to the result (its features may be
/// anything finite), so a bag scores the same alone and padded in a batch with larger bags; the result does not depend
/// on the order of the instances. Every bag must have at least one real instance.
/// </summary>
public abstract class MilPooling : nn.Module<Tensor, Tensor, Tensor>
{
    /// <summary>Creates the module with its name.</summary>
    protected MilPooling(string name) : base(name)
    {
    }

    /// <summary>
    /// The pooling of <paramref name="kind"/> over features of width <paramref name="featureWidth"/>; attention kinds have
    /// a hidden width L = <paramref name="attentionWidth"/> and draw their weights from <paramref name="generator"/>
    /// (null: torch's process-wide generator, for modules whose weights are loaded afterwards).
    /// </summary>
    public static MilPooling Create(MilPoolingKind kind, int featureWidth, int attentionWidth, Generator? generator = null) => kind switch
    {
        MilPoolingKind.Mean => new MeanPooling(),
        MilPoolingKind.Max => new MaxPooling(),
        MilPoolingKind.Attention => new AttentionPooling(featureWidth, attentionWidth, gated: false, generator),
        MilPoolingKind.GatedAttention => new AttentionPooling(featureWidth, attentionWidth, gated: true, generator),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown MIL pooling kind."),
    };

    /// <summary>The padding mask [B, N, 1] (true = padding) of a 0/1 mask [B, N].</summary>
    protected static Tensor Padding(Tensor mask) => mask.to_type(ScalarType.Bool).logical_not().unsqueeze(-1);

    /// <summary>Throws unless <paramref name="features"/> is [B, N, F] and <paramref name="mask"/> [B, N].</summary>
    protected static void CheckShapes(Tensor features, Tensor mask)
    {
        if (features.dim() != 3 || mask.dim() != 2 || mask.shape[0] != features.shape[0] || mask.shape[1] != features.shape[1])
        {
            throw new ArgumentException(
                $"MIL pooling expects features [B, N, F] and a mask [B, N]; got [{string.Join(", ", features.shape)}] and [{string.Join(", ", mask.shape)}].");
        }
    }
}
