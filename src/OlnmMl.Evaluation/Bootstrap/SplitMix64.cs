namespace OlnmMl.Evaluation.Bootstrap;

/// <summary>
/// SplitMix64 (Steele, Lea &amp; Flood 2014): a tiny, allocation-free generator whose stream is fixed by
/// its seed on every platform and .NET version, so bootstrap results are reproducible.
/// </summary>
internal struct SplitMix64
{
    private ulong _state;

    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>Seed of replicate <paramref name="replicate"/> of a run seeded with <paramref name="seed"/>, independent of thread scheduling.</summary>
    public static SplitMix64 ForReplicate(int seed, int replicate)
    {
        var mixer = new SplitMix64(((ulong)(uint)seed << 32) ^ (uint)replicate);
        return new SplitMix64(mixer.Next());
    }

    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform integer in [0, bound) by the multiply-high method (bias below 2⁻³²).</summary>
    public int NextInt(int bound) => (int)Math.BigMul(Next(), (ulong)bound, out _);
}
