namespace OlnmMl.AutoML.Tuners;

/// <summary>
/// Derives independent seeds from a study seed and a trial number with the SplitMix64 finaliser
/// (z ← (z ⊕ z≫30)·0xBF58476D1CE4E5B9; z ← (z ⊕ z≫27)·0x94D049BB133111EB; z ⊕ z≫31), so every trial's
/// randomness is reproducible on its own, whatever ran before it.
/// </summary>
public static class TrialSeeds
{
    /// <summary>A 31-bit seed for (<paramref name="studySeed"/>, <paramref name="trialNumber"/>, <paramref name="stream"/>).</summary>
    public static int For(int studySeed, int trialNumber, int stream = 0)
    {
        unchecked
        {
            var z = ((ulong)(uint)studySeed << 32) ^ (uint)trialNumber ^ ((ulong)(uint)stream * 0x9E3779B97F4A7C15UL);
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (int)(z & 0x7FFFFFFF);
        }
    }
}
