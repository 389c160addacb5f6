using OlnmMl.Torch.Training;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Mil;

/// <summary>Masked element-wise max: z_f = maxₙ {h_{n,f} : mₙ = 1} (padding is set to −∞ before the max).</summary>
public sealed class MaxPooling : MilPooling
{
    /// <summary>Creates the (parameter-free) module.</summary>
    public MaxPooling() : base("max_pooling")
    {
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor features, Tensor mask)
    {
        CheckShapes(features, mask);
        using var scope = NewDisposeScope();
        using var minusInfinity = ScalarValue.Of(double.NegativeInfinity);
        var pooled = features.masked_fill(Padding(mask), minusInfinity.Value).amax([1]);
        return pooled.MoveToOuterDisposeScope();
    }
}
