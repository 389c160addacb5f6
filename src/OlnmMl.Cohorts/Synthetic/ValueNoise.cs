namespace OlnmMl.Cohorts.Synthetic;

/// <summary>
/// Smooth 3D value noise in [−1, 1]: pseudo-random values on the integer lattice (a hash of the seed and the
/// lattice point), blended with the smoothstep s(t) = t²(3 − 2t) trilinearly. Feature size ≈ one lattice cell, so
/// <c>Sample(x / λ, …)</c> gives texture of scale λ. Pure function of (seed, point): thread-safe and deterministic.
/// </summary>
public readonly struct ValueNoise(ulong seed)
{
    /// <summary>Noise value at (x, y, z) in lattice units.</summary>
    public double Sample(double x, double y, double z)
    {
        var fx = Math.Floor(x);
        var fy = Math.Floor(y);
        var fz = Math.Floor(z);
        var ix = (long)fx;
        var iy = (long)fy;
        var iz = (long)fz;
        var tx = Smooth(x - fx);
        var ty = Smooth(y - fy);
        var tz = Smooth(z - fz);
        var c00 = Lerp(Lattice(ix, iy, iz), Lattice(ix + 1, iy, iz), tx);
        var c10 = Lerp(Lattice(ix, iy + 1, iz), Lattice(ix + 1, iy + 1, iz), tx);
        var c01 = Lerp(Lattice(ix, iy, iz + 1), Lattice(ix + 1, iy, iz + 1), tx);
        var c11 = Lerp(Lattice(ix, iy + 1, iz + 1), Lattice(ix + 1, iy + 1, iz + 1), tx);
        return Lerp(Lerp(c00, c10, ty), Lerp(c01, c11, ty), tz);
    }

    private double Lattice(long x, long y, long z)
    {
        var h = seed ^ ((ulong)x * 0x9E3779B97F4A7C15UL) ^ ((ulong)y * 0xC2B2AE3D27D4EB4FUL) ^ ((ulong)z * 0x165667B19E3779F9UL);
        h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9UL;
        h = (h ^ (h >> 27)) * 0x94D049BB133111EBUL;
        h ^= h >> 31;
        return (h >> 11) * (2.0 / (1UL << 53)) - 1.0;
    }

    private static double Smooth(double t) => t * t * (3 - 2 * t);

    private static double Lerp(double a, double b, double t) => a + (b - a) * t;
}
