using static TorchSharp.torch;

namespace OlnmMl.Torch.Training;

/// <summary>
/// Training augmentation: each sample of a batch <c>[N, C, D, H, W]</c> is mirrored along each of its three spatial axes
/// independently with probability ½ (8 equally likely outcomes), drawn from a seeded <see cref="Random"/>.
/// </summary>
public static class RandomFlips
{
    /// <summary>A flipped copy of <paramref name="batch"/>.</summary>
    public static Tensor Apply(Tensor batch, Random random)
    {
        using var scope = NewDisposeScope();
        var samples = new Tensor[batch.shape[0]];
        for (int i = 0; i < samples.Length; i++)
        {
            var axes = new[] { 2L, 3L, 4L }.Where(_ => random.Next(2) == 1).ToArray();
            var sample = batch.narrow(0, i, 1);
            samples[i] = axes.Length == 0 ? sample : sample.flip(axes);
        }
        return cat(samples, 0).MoveToOuterDisposeScope();
    }
}
