namespace OlnmMl.Cohorts.Synthetic;

/// <summary>
/// A small, platform-independent random generator (xoshiro256**, state seeded by SplitMix64 from a
/// (seed, stream) pair). One instance per case — stream = case index — makes parallel generation
/// deterministic: a case's draws never depend on which thread or in which order it runs.
/// </summary>
public sealed class CaseRandom
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Creates the generator for stream <paramref name="stream"/> of seed <paramref name="seed"/>.</summary>
    public CaseRandom(ulong seed, ulong stream)
    {
        var x = seed ^ (stream * 0x9E3779B97F4A7C15UL) ^ 0xD1B54A32D192ED03UL;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>Next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public double Uniform(double low, double high) => low + (high - low) * NextDouble();

    /// <summary>Uniform integer in [0, <paramref name="count"/>) (Lemire's multiply-shift; bias &lt; count/2⁶⁴).</summary>
    public int NextInt(int count) => (int)(((UInt128)NextUInt64() * (ulong)count) >> 64);

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Bernoulli(double p) => NextDouble() < p;

    /// <summary>Standard normal draw (Box–Muller, one of the pair).</summary>
    public double NextGaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Normal draw with the given mean and SD, clipped to [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public double Normal(double mean, double sd, double min, double max) => Math.Clamp(mean + sd * NextGaussian(), min, max);

    /// <summary>A uniformly distributed unit vector.</summary>
    public (double X, double Y, double Z) UnitVector()
    {
        var z = Uniform(-1, 1);
        var phi = Uniform(0, 2 * Math.PI);
        var r = Math.Sqrt(1 - z * z);
        return (r * Math.Cos(phi), r * Math.Sin(phi), z);
    }

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
