using static TorchSharp.torch;

namespace OlnmMl.Torch.Training;

/// <summary>
/// Training augmentation for windowed crops in [0, 1]: each sample x of a batch becomes (1 + a)·x + b with a and b uniform in
/// [−s, s] per sample (contrast and brightness jitter; s = <c>strength</c>, e.g. 0.1), drawn from a seeded <see cref="Random"/>.
/// </summary>
public static class IntensityJitter
{
    /// <summary>A jittered copy of <paramref name="batch"/> <c>[N, …]</c>.</summary>
    public static Tensor Apply(Tensor batch, Random random, double strength)
    {
        using var scope = NewDisposeScope();
        long n = batch.shape[0];
        var scale = new float[n];
        var shift = new float[n];
        for (int i = 0; i < n; i++)
        {
            scale[i] = (float)(1 + strength * (2 * random.NextDouble() - 1));
            shift[i] = (float)(strength * (2 * random.NextDouble() - 1));
        }
        var shape = new long[batch.dim()];
        Array.Fill(shape, 1L);
        shape[0] = n;
        var a = tensor(scale, device: batch.device).reshape(shape);
        var b = tensor(shift, device: batch.device).reshape(shape);
        return batch.mul(a).add_(b, ScalarValue.One).MoveToOuterDisposeScope();
    }
}
