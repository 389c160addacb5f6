namespace OlnmMl.Torch.Training;

/// <summary>
/// The random stream of one epoch of a seeded training: <c>Random(seed·1000003 + epoch)</c>. Each epoch's shuffling and
/// augmentation draw only from their own stream, so they do not depend on the epoch training started at: a training resumed
/// at epoch e draws exactly what an uninterrupted one draws from e on.
/// </summary>
internal static class EpochRandom
{
    /// <summary>The stream of epoch <paramref name="epoch"/> (0-based) of the training seeded with <paramref name="seed"/>.</summary>
    public static Random For(int seed, int epoch) => new(unchecked((seed * 1_000_003) + epoch));
}
