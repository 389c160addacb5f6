using TorchSharp;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Training;

/// <summary>
/// Exponential moving average ("momentum model") of a network's weights:
/// θ_ema ← m·θ_ema + (1 − m)·θ after every optimiser step; buffers (BN statistics) are copied.
/// The shadow network is used for validation and for the final model. Its factors are explicit, kept-alive
/// scalars (<see cref="ScalarValue"/>).
/// </summary>
public static class EmaModel
{
    /// <summary>Updates <paramref name="shadow"/> towards <paramref name="online"/> (same architecture).</summary>
    public static void Update(nn.Module shadow, nn.Module online, double momentum)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        using var keep = ScalarValue.Of(momentum);
        using var take = ScalarValue.Of(1 - momentum);
        var onlineParameters = online.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, parameter) in shadow.named_parameters())
        {
            parameter.mul_(keep.Value).add_(onlineParameters[name], take.Value);
        }
        var onlineBuffers = online.named_buffers().ToDictionary(b => b.name, b => b.buffer);
        foreach (var (name, buffer) in shadow.named_buffers())
        {
            buffer.copy_(onlineBuffers[name]);
        }
    }

    /// <summary>Copies every parameter and buffer of <paramref name="source"/> into <paramref name="target"/>.</summary>
    public static void CopyInto(nn.Module target, nn.Module source) => Update(target, source, 0);
}
