namespace OlnmMl.Radiomics.Texture;

/// <summary>
/// A normalised, symmetric grey level co-occurrence matrix and the distributions its features use
/// (IBSI 3.6): joint probabilities p<sub>ij</sub>, marginal p<sub>i.</sub> (= p<sub>.j</sub>),
/// diagonal p<sub>i−j,k</sub> (k = 0..N<sub>g</sub>−1) and cross-diagonal p<sub>i+j,k</sub>
/// (k = 2..2N<sub>g</sub>) probabilities; grey levels i, j run 1..N<sub>g</sub>.
/// </summary>
public sealed class GlcmMatrix : ITextureMatrix
{
    private readonly double[] joint;
    private readonly double[] marginal;
    private readonly double[] logMarginal;
    private readonly double[] difference;
    private readonly double[] sum;

    internal GlcmMatrix(int levelCount)
    {
        LevelCount = levelCount;
        joint = new double[levelCount * levelCount];
        marginal = new double[levelCount];
        logMarginal = new double[levelCount];
        difference = new double[levelCount];
        sum = new double[(2 * levelCount) + 1];
    }

    /// <summary>Number of grey levels N<sub>g</sub>.</summary>
    public int LevelCount { get; }

    /// <summary>p<sub>ij</sub> at index (i−1)·N<sub>g</sub> + (j−1).</summary>
    public ReadOnlySpan<double> Joint => joint;

    /// <summary>p<sub>i−j,k</sub> at index k (k = |i − j|).</summary>
    public ReadOnlySpan<double> Difference => difference;

    /// <summary>p<sub>i+j,k</sub> at index k (k = i + j; indices 0 and 1 are always 0).</summary>
    public ReadOnlySpan<double> Sum => sum;

    /// <summary>μ = Σ<sub>i</sub> i p<sub>i.</sub> (row and column mean, equal by symmetry).</summary>
    public double Mean { get; private set; }

    /// <summary>σ² = Σ<sub>i</sub> (i − μ)² p<sub>i.</sub>.</summary>
    public double Variance { get; private set; }

    /// <summary>HXY = −Σ<sub>i,j</sub> p<sub>ij</sub> log₂ p<sub>ij</sub>.</summary>
    public double JointEntropy { get; private set; }

    /// <summary>HX = −Σ<sub>i</sub> p<sub>i.</sub> log₂ p<sub>i.</sub>.</summary>
    public double MarginalEntropy { get; private set; }

    /// <summary>HXY1 = −Σ<sub>i,j</sub> p<sub>ij</sub> log₂(p<sub>i.</sub> p<sub>.j</sub>).</summary>
    public double CrossEntropy1 { get; private set; }

    /// <summary>HXY2 = −Σ<sub>i,j</sub> p<sub>i.</sub> p<sub>.j</sub> log₂(p<sub>i.</sub> p<sub>.j</sub>).</summary>
    public double CrossEntropy2 { get; private set; }

    bool ITextureMatrix.Load(ReadOnlySpan<int> counts, long voxelCount)
    {
        long total = 0;
        foreach (var c in counts)
        {
            total += c;
        }

        if (total == 0)
        {
            return false;
        }

        var ng = LevelCount;
        Array.Clear(marginal);
        Array.Clear(difference);
        Array.Clear(sum);
        double jointEntropy = 0;
        for (var i = 0; i < ng; i++)
        {
            for (var j = 0; j < ng; j++)
            {
                var p = counts[(i * ng) + j] / (double)total;
                joint[(i * ng) + j] = p;
                marginal[i] += p;
                difference[Math.Abs(i - j)] += p;
                sum[i + j + 2] += p;
                jointEntropy -= p > 0 ? p * Math.Log2(p) : 0;
            }
        }

        double mean = 0, variance = 0, marginalEntropy = 0, cross1 = 0, cross2 = 0;
        for (var i = 0; i < ng; i++)
        {
            mean += (i + 1) * marginal[i];
            marginalEntropy -= marginal[i] > 0 ? marginal[i] * Math.Log2(marginal[i]) : 0;
        }

        // log₂(p_i. p_.j) = log₂ p_i. + log₂ p_.j: Ng logarithms instead of Ng².
        for (var i = 0; i < ng; i++)
        {
            logMarginal[i] = marginal[i] > 0 ? Math.Log2(marginal[i]) : 0;
        }

        for (var i = 0; i < ng; i++)
        {
            variance += (i + 1 - mean) * (i + 1 - mean) * marginal[i];
            if (marginal[i] == 0)
            {
                continue;
            }

            for (var j = 0; j < ng; j++)
            {
                if (marginal[j] > 0)
                {
                    var log = logMarginal[i] + logMarginal[j];
                    cross1 -= joint[(i * ng) + j] * log;
                    cross2 -= marginal[i] * marginal[j] * log;
                }
            }
        }

        Mean = mean;
        Variance = variance;
        JointEntropy = jointEntropy;
        MarginalEntropy = marginalEntropy;
        CrossEntropy1 = cross1;
        CrossEntropy2 = cross2;
        return true;
    }
}
