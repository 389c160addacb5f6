using TorchSharp;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Networks;

/// <summary>
/// A 3D image encoder with an optional linear classification head. <see cref="Features"/>
/// maps a batch <c>[N, C, D, H, W]</c> to its globally pooled feature vector
/// <c>[N, FeatureWidth]</c>; <c>forward</c> returns those features in headless mode
/// (<see cref="IsHeadless"/>, no head parameters) and the head's logits otherwise.
/// Parameter names follow the PyTorch reference implementation of each family, so
/// <c>state_dict()</c> keys map 1:1 onto published weights.
/// </summary>
public abstract class FeatureNetwork : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the module with its PyTorch-style name.</summary>
    protected FeatureNetwork(string name) : base(name)
    {
    }

    /// <summary>Width of the pooled feature vector returned by <see cref="Features"/>.</summary>
    public abstract int FeatureWidth { get; }

    /// <summary>Number of image channels the first layer expects.</summary>
    public abstract int InputChannels { get; }

    /// <summary>True when the network has no classification head and <c>forward</c> returns features.</summary>
    public abstract bool IsHeadless { get; }

    /// <summary>The globally average-pooled feature vector, shape <c>[N, FeatureWidth]</c>.</summary>
    public abstract Tensor Features(Tensor input);

    /// <summary>Throws when <paramref name="input"/> is not a 5-D batch with <see cref="InputChannels"/> channels.</summary>
    protected void CheckInput(Tensor input)
    {
        if (input.dim() != 5 || input.shape[1] != InputChannels)
        {
            throw new ArgumentException(
                $"{GetName()} expects input of shape [N, {InputChannels}, D, H, W]; got [{string.Join(", ", input.shape)}].",
                nameof(input));
        }
    }
}
