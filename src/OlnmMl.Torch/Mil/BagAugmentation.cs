using static TorchSharp.torch;

namespace OlnmMl.Torch.Mil;

/// <summary>
/// Random in-plane augmentation of a training mini-batch of bags, instances [B, N, C, H, W] with H = W: each bag is
/// turned by k·90° (k uniform in 0…3; with <c>rotate</c>) and then flipped left–right with probability ½ (with
/// <c>flip</c>) — with both, one of the eight symmetries of the square —, the same for all its instances and channels, so
/// neighbouring slices and any mask channel stay registered. Padded instances are zero and stay zero. The draws come from the training loop's seeded
/// <see cref="Random"/>, so a run stays reproducible.
/// </summary>
public static class BagAugmentation
{
    /// <summary>The augmented batch (a new tensor; <paramref name="instances"/> is left as it is).</summary>
    /// <exception cref="ArgumentException">The instances are not [B, N, C, H, W] with H = W.</exception>
    public static Tensor Apply(Tensor instances, Random random, bool rotate = true, bool flip = true)
    {
        if (instances.dim() != 5 || instances.shape[3] != instances.shape[4])
        {
            throw new ArgumentException($"Bag augmentation needs square instances [B, N, C, H, W]; got [{string.Join(", ", instances.shape)}].", nameof(instances));
        }

        using var scope = NewDisposeScope();
        var bags = new Tensor[instances.shape[0]];
        for (var b = 0; b < bags.Length; b++)
        {
            var bag = instances[b];
            var quarterTurns = rotate ? random.Next(4) : 0;
            if (quarterTurns > 0)
            {
                bag = bag.rot90(quarterTurns, (2, 3));
            }

            bags[b] = flip && random.Next(2) == 1 ? bag.flip(3) : bag;
        }

        return stack(bags).MoveToOuterDisposeScope();
    }
}
