using static TorchSharp.torch;

namespace OlnmMl.Torch.Training;

/// <summary>
/// Training augmentation: each sample of a batch <c>[N, C, D, H, W]</c> is translated by (dz, dy, dx), each uniform in
/// [−m, m] voxels (m = <c>maxShift</c>), drawn from a seeded <see cref="Random"/>; voxels moved in from outside are 0
/// (the windowed value of air below the window): out[z, y, x] = in[z − dz, y − dy, x − dx].
/// </summary>
public static class RandomShifts
{
    /// <summary>A shifted copy of <paramref name="batch"/>.</summary>
    public static Tensor Apply(Tensor batch, Random random, int maxShift)
    {
        using var scope = NewDisposeScope();
        int m = maxShift;
        var padded = nn.functional.pad(batch, [m, m, m, m, m, m]);
        var samples = new Tensor[batch.shape[0]];
        for (int i = 0; i < samples.Length; i++)
        {
            var sample = padded.narrow(0, i, 1);
            for (int axis = 2; axis <= 4; axis++)
            {
                int shift = random.Next(-m, m + 1);
                sample = sample.narrow(axis, m - shift, batch.shape[axis]);
            }
            samples[i] = sample;
        }
        return cat(samples, 0).MoveToOuterDisposeScope();
    }
}
