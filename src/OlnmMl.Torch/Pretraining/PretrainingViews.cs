using static TorchSharp.torch;

namespace OlnmMl.Torch.Pretraining;

/// <summary>
/// The corruptions of the proxy tasks, per sample of a batch <c>[N, 1, E, E, E]</c>, drawn from a seeded <see cref="Random"/>.
/// </summary>
internal static class PretrainingViews
{
    /// <summary>
    /// Masked-volume cutout: <paramref name="boxes"/> cubes per sample, each of edge uniform in [E/8, E/4] voxels at a uniform
    /// position inside the crop, set to 0 (the windowed value of air) — the input of the inpainting task.
    /// </summary>
    public static Tensor Cutout(Tensor batch, Random random, int boxes)
    {
        using var scope = NewDisposeScope();
        long n = batch.shape[0];
        int edge = (int)batch.shape[2];
        var keep = ones(batch.shape, device: batch.device);
        using var zero = Training.ScalarValue.Of(0);
        for (int i = 0; i < n; i++)
        {
            for (int b = 0; b < boxes; b++)
            {
                int side = random.Next(edge / 8, edge / 4 + 1);
                var box = keep.narrow(0, i, 1);
                for (int axis = 2; axis <= 4; axis++)
                {
                    box = box.narrow(axis, random.Next(edge - side + 1), side);
                }
                box.fill_(zero.Value);
            }
        }
        return batch.mul(keep).MoveToOuterDisposeScope();
    }

    /// <summary>Random quarter turns k ∈ {0, 1, 2, 3} per sample about the depth axis (in the H–W plane); returns the turned batch and the k's.</summary>
    public static (Tensor Turned, long[] Turns) Rotate(Tensor batch, Random random)
    {
        var turns = new long[batch.shape[0]];
        for (int i = 0; i < turns.Length; i++)
        {
            turns[i] = random.Next(4);
        }
        return (Turn(batch, turns), turns);
    }

    /// <summary>Each sample i turned by <paramref name="turns"/>[i]·90° in the H–W plane (dims 3, 4).</summary>
    public static Tensor Turn(Tensor batch, long[] turns)
    {
        using var scope = NewDisposeScope();
        var samples = new Tensor[turns.Length];
        for (int i = 0; i < samples.Length; i++)
        {
            var sample = batch.narrow(0, i, 1);
            samples[i] = turns[i] == 0 ? sample : sample.rot90(turns[i], (3, 4));
        }
        return cat(samples, 0).MoveToOuterDisposeScope();
    }
}
