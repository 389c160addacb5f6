using TorchSharp;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Networks;

/// <summary>
/// An image encoder with an optional linear classification head. <see cref="Features"/>
/// maps a batch <c>[N, C, D, H, W]</c> (<see cref="SpatialDims"/> = 3) or <c>[N, C, H, W]</c>
/// (<see cref="SpatialDims"/> = 2) to its globally pooled feature vector <c>[N, FeatureWidth]</c>; <c>forward</c> returns those features in headless mode
/// (<see cref="IsHeadless"/>, no head parameters) and the head's logits otherwise.
/// Parameter names follow the PyTorch reference implementation of each family, so
/// <c>state_dict()</c> keys map 1:1 onto published weights.
/// </summary>
public abstract class FeatureNetwork : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the module with its PyTorch-style name, reading images of <paramref name="spatialDims"/> (2 or 3) spatial dimensions.</summary>
    protected FeatureNetwork(string name, int spatialDims = 3) : base(name)
    {
        SpatialDims = SpatialLayers.Check(spatialDims);
    }

    /// <summary>Spatial dimensions of the images read: 3 (<c>[N, C, D, H, W]</c> volumes) or 2 (<c>[N, C, H, W]</c> slices).</summary>
    public int SpatialDims { get; }

    /// <summary>Width of the pooled feature vector returned by <see cref="Features"/>.</summary>
    public abstract int FeatureWidth { get; }

    /// <summary>Number of image channels the first layer expects.</summary>
    public abstract int InputChannels { get; }

    /// <summary>True when the network has no classification head and <c>forward</c> returns features.</summary>
    public abstract bool IsHeadless { get; }

    /// <summary>The globally average-pooled feature vector, shape <c>[N, FeatureWidth]</c>.</summary>
    public abstract Tensor Features(Tensor input);

    /// <summary>Throws when <paramref name="input"/> is not a batch of <see cref="SpatialDims"/>-D images with <see cref="InputChannels"/> channels.</summary>
    protected void CheckInput(Tensor input)
    {
        if (input.dim() != 2 + SpatialDims || input.shape[1] != InputChannels)
        {
            string axes = SpatialDims == 3 ? "D, H, W" : "H, W";
            throw new ArgumentException(
                $"{GetName()} expects input of shape [N, {InputChannels}, {axes}]; got [{string.Join(", ", input.shape)}].",
                nameof(input));
        }
    }
}
