using static TorchSharp.torch;

namespace OlnmMl.Torch.Training;

/// <summary>
/// Training augmentation of the published study: each sample of a batch <c>[N, C, D, H, W]</c>
/// is turned by k·90° (k uniform in 0..3) in one of the three axis planes (uniform), drawn from
/// a seeded <see cref="Random"/> so a run is reproducible. Requires cubic volumes.
/// </summary>
public static class RandomRotations
{
    private static readonly (long, long)[] Planes = [(2, 3), (2, 4), (3, 4)];

    /// <summary>A rotated copy of <paramref name="batch"/>.</summary>
    public static Tensor Apply(Tensor batch, Random random)
    {
        using var scope = NewDisposeScope();
        var samples = new Tensor[batch.shape[0]];
        for (int i = 0; i < samples.Length; i++)
        {
            int turns = random.Next(4);
            var plane = Planes[random.Next(Planes.Length)];
            var sample = batch.narrow(0, i, 1);
            samples[i] = turns == 0 ? sample : sample.rot90(turns, plane);
        }
        return cat(samples, 0).MoveToOuterDisposeScope();
    }
}
