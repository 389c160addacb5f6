using OlnmMl.Torch.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Networks;

/// <summary>
/// TorchSharp's <see cref="BatchNorm"/> forward pass (<c>BatchNorm2d</c>, <c>BatchNorm3d</c>) with the batch counter's increment given a kept-alive scalar:
/// TorchSharp's own forward calls <c>num_batches_tracked.add_(1)</c>, whose implicit temporary scalar a garbage
/// collection can finalise during the native call (see <see cref="ScalarValue"/>). Otherwise identical: the same
/// <c>batch_norm</c> call with the same statistics, momentum and ε.
/// </summary>
internal static class BatchNormStep
{
    /// <summary>Normalises <paramref name="input"/> with <paramref name="norm"/>, updating its running statistics in training mode.</summary>
    public static Tensor Forward(BatchNorm norm, Tensor input)
    {
        double factor = norm.momentum ?? 0.0;
        if (norm.training && norm.track_running_stats && norm.num_batches_tracked is { } counter)
        {
            counter.add_(ScalarValue.One, ScalarValue.One);
            factor = norm.momentum ?? 1.0 / counter.item<long>();
        }

        bool useRunning = !norm.training || norm.track_running_stats;
        return nn.functional.batch_norm(
            input, useRunning ? norm.running_mean : null, useRunning ? norm.running_var : null, norm.weight, norm.bias,
            norm.training || (norm.running_mean is null && norm.running_var is null), factor, norm.eps);
    }

    /// <summary>
    /// <paramref name="layers"/> applied in order like <see cref="Sequential"/>'s forward, with <see cref="Forward"/> for
    /// each batch norm and nested sequences followed (the ResNet "B" shortcut, DenseNet's layers, blocks and transitions).
    /// </summary>
    public static Tensor Sequence(Sequential layers, Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = input;
        foreach (var layer in layers.children())
        {
            x = Step(layer, x);
        }
        return x.MoveToOuterDisposeScope();
    }

    /// <summary>One layer of a sequence: <see cref="Forward"/> for a batch norm, <see cref="Sequence"/> for a nested sequence, else its own forward.</summary>
    public static Tensor Step(nn.Module layer, Tensor input) => layer switch
    {
        BatchNorm norm => Forward(norm, input),
        Sequential nested => Sequence(nested, input),
        _ => ((nn.Module<Tensor, Tensor>)layer).forward(input),
    };
}
