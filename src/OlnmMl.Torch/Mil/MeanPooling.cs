using static TorchSharp.torch;

namespace OlnmMl.Torch.Mil;

/// <summary>Masked mean: z = Σₙ mₙ hₙ / Σₙ mₙ.</summary>
public sealed class MeanPooling : MilPooling
{
    /// <summary>Creates the (parameter-free) module.</summary>
    public MeanPooling() : base("mean_pooling")
    {
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor features, Tensor mask)
    {
        CheckShapes(features, mask);
        using var scope = NewDisposeScope();
        var weights = mask.to_type(features.dtype).unsqueeze(-1);
        var pooled = (features * weights).sum(1) / weights.sum(1);
        return pooled.MoveToOuterDisposeScope();
    }
}
