namespace OlnmMl.Radiomics.Features;

/// <summary>
/// The discretised intensities of the ROI: the grey-level sample and its histogram n_i, i = 1..N_g
/// (empty levels included), with p_i = n_i / N.
/// </summary>
public sealed class HistogramSample
{
    /// <summary>Builds the histogram of <paramref name="levels"/> (grey levels 1..<paramref name="levelCount"/>).</summary>
    public HistogramSample(IReadOnlyList<int> levels, int levelCount)
    {
        LevelCount = levelCount;
        Counts = new int[levelCount + 1];
        var values = new double[levels.Count];
        for (var k = 0; k < levels.Count; k++)
        {
            Counts[levels[k]]++;
            values[k] = levels[k];
        }

        Sample = new IntensitySample(values);
    }

    /// <summary>N_g, the number of grey levels.</summary>
    public int LevelCount { get; }

    /// <summary>n_i at index i (index 0 unused).</summary>
    public int[] Counts { get; }

    /// <summary>The grey levels as a sample (moments, percentiles).</summary>
    public IntensitySample Sample { get; }

    /// <summary>Histogram gradient H'(i): H(2) − H(1) at i = 1, (H(i+1) − H(i−1))/2 inside, H(N_g) − H(N_g − 1) at N_g.</summary>
    public double Gradient(int i)
    {
        if (LevelCount == 1)
        {
            return 0;
        }

        return i == 1 ? Counts[2] - Counts[1]
            : i == LevelCount ? Counts[i] - Counts[i - 1]
            : (Counts[i + 1] - Counts[i - 1]) / 2.0;
    }
}
