namespace OlnmMl.Radiomics.Texture;

/// <summary>
/// A neighbourhood grey tone difference matrix (IBSI 3.10): per grey level i = 1..N<sub>g</sub>, the
/// number n<sub>i</sub> of voxels with a valid neighbourhood, the probability
/// p<sub>i</sub> = n<sub>i</sub> / N<sub>v,c</sub> and the summed difference s<sub>i</sub>;
/// N<sub>g,p</sub> is the number of grey levels with p<sub>i</sub> &gt; 0.
/// </summary>
public sealed class NgtdmMatrix
{
    private readonly double[] probabilities;
    private readonly double[] differences;

    internal NgtdmMatrix(int levelCount)
    {
        LevelCount = levelCount;
        probabilities = new double[levelCount];
        differences = new double[levelCount];
    }

    /// <summary>Number of grey levels N<sub>g</sub>.</summary>
    public int LevelCount { get; }

    /// <summary>p<sub>i</sub> at index i−1.</summary>
    public ReadOnlySpan<double> Probabilities => probabilities;

    /// <summary>s<sub>i</sub> at index i−1.</summary>
    public ReadOnlySpan<double> Differences => differences;

    /// <summary>N<sub>v,c</sub>: number of voxels with a valid neighbourhood.</summary>
    public double ValidVoxelCount { get; private set; }

    /// <summary>N<sub>g,p</sub>: number of grey levels with p<sub>i</sub> &gt; 0.</summary>
    public int PresentLevelCount { get; private set; }

    /// <summary>Σ<sub>i</sub> s<sub>i</sub>.</summary>
    public double DifferenceSum { get; private set; }

    /// <summary>Loads n<sub>i</sub> and s<sub>i</sub>; false when no voxel has a valid neighbourhood.</summary>
    internal bool Load(ReadOnlySpan<double> counts, ReadOnlySpan<double> sums)
    {
        double total = 0, differenceSum = 0;
        var present = 0;
        for (var i = 0; i < LevelCount; i++)
        {
            total += counts[i];
            differenceSum += sums[i];
            present += counts[i] > 0 ? 1 : 0;
        }

        if (total == 0)
        {
            return false;
        }

        for (var i = 0; i < LevelCount; i++)
        {
            probabilities[i] = counts[i] / total;
            differences[i] = sums[i];
        }

        ValidVoxelCount = total;
        PresentLevelCount = present;
        DifferenceSum = differenceSum;
        return true;
    }
}
