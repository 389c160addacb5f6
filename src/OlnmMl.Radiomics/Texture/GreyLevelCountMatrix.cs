namespace OlnmMl.Radiomics.Texture;

/// <summary>
/// A grey level × j count matrix as used by GLRLM (j = run length), GLSZM (zone size), GLDZM (zone
/// distance) and NGLDM (dependence count): element s<sub>ij</sub> counts runs, zones or
/// neighbourhoods of grey level i = 1..N<sub>g</sub> and value j. Columns hold only the values j
/// that occur. N<sub>s</sub> = Σ s<sub>ij</sub>, N<sub>v</sub> the
/// voxel count (summed over merged matrices), p<sub>ij</sub> = s<sub>ij</sub> / N<sub>s</sub>,
/// s<sub>i.</sub> and s<sub>.j</sub> the row and column sums.
/// </summary>
public sealed class GreyLevelCountMatrix : ITextureMatrix
{
    private double[] counts = [];
    private double[] columnSums = [];
    private int[] columnValues = [];
    private readonly double[] rowSums;

    internal GreyLevelCountMatrix(int levelCount)
    {
        LevelCount = levelCount;
        rowSums = new double[levelCount];
    }

    /// <summary>Number of grey levels N<sub>g</sub>.</summary>
    public int LevelCount { get; }

    /// <summary>Number of columns (distinct values j).</summary>
    public int ColumnCount { get; private set; }

    /// <summary>N<sub>s</sub>: total count.</summary>
    public double Total { get; private set; }

    /// <summary>N<sub>v</sub>: number of voxels the matrix was built from.</summary>
    public double VoxelCount { get; private set; }

    bool ITextureMatrix.Load(ReadOnlySpan<int> counts, long voxelCount) => LoadDense(counts, voxelCount);

    /// <summary>Loads dense counts (N<sub>g</sub> rows) whose column c holds j = c + 1; false when all are 0.</summary>
    internal bool LoadDense(ReadOnlySpan<int> denseCounts, long voxelCount)
    {
        var width = denseCounts.Length / LevelCount;
        var used = 0;
        for (var c = 0; c < width; c++)
        {
            for (var i = 0; i < LevelCount; i++)
            {
                if (denseCounts[(i * width) + c] != 0)
                {
                    used = c + 1;
                    break;
                }
            }
        }

        Reserve(used);
        for (var c = 0; c < used; c++)
        {
            columnValues[c] = c + 1;
        }

        for (var i = 0; i < LevelCount; i++)
        {
            for (var c = 0; c < used; c++)
            {
                counts[(i * used) + c] = denseCounts[(i * width) + c];
            }
        }

        return Finish(used, voxelCount);
    }

    /// <summary>
    /// Loads one count per item from parallel spans of grey levels and values j (zones, voxels):
    /// columns become the distinct values j in ascending order. False when there is no item.
    /// </summary>
    internal bool LoadItems(ReadOnlySpan<int> greyLevels, ReadOnlySpan<int> values, long voxelCount, Span<int> scratch)
    {
        var distinct = scratch[..values.Length];
        values.CopyTo(distinct);
        distinct.Sort();
        var used = 0;
        for (var k = 0; k < distinct.Length; k++)
        {
            if (k == 0 || distinct[k] != distinct[k - 1])
            {
                distinct[used++] = distinct[k];
            }
        }

        Reserve(used);
        distinct[..used].CopyTo(columnValues);
        Array.Clear(counts, 0, LevelCount * used);
        for (var k = 0; k < values.Length; k++)
        {
            var column = distinct[..used].BinarySearch(values[k]);
            counts[((greyLevels[k] - 1) * used) + column]++;
        }

        return Finish(used, voxelCount);
    }

    private void Reserve(int columns)
    {
        if (columnValues.Length < columns)
        {
            columnValues = new int[columns];
            columnSums = new double[columns];
            counts = new double[LevelCount * columns];
        }
    }

    private bool Finish(int columns, long voxelCount)
    {
        ColumnCount = columns;
        VoxelCount = voxelCount;
        Array.Clear(rowSums);
        Array.Clear(columnSums, 0, columns);
        double total = 0;
        for (var i = 0; i < LevelCount; i++)
        {
            for (var c = 0; c < columns; c++)
            {
                var s = counts[(i * columns) + c];
                rowSums[i] += s;
                columnSums[c] += s;
                total += s;
            }
        }

        Total = total;
        return total > 0;
    }

    /// <summary>(1/N<sub>s</sub>) Σ<sub>j</sub> w(j) s<sub>.j</sub>.</summary>
    internal double ColumnMoment(Func<double, double> weight)
    {
        var value = 0.0;
        for (var c = 0; c < ColumnCount; c++)
        {
            value += weight(columnValues[c]) * columnSums[c];
        }

        return value / Total;
    }

    /// <summary>(1/N<sub>s</sub>) Σ<sub>i</sub> w(i) s<sub>i.</sub>.</summary>
    internal double RowMoment(Func<double, double> weight)
    {
        var value = 0.0;
        for (var i = 0; i < LevelCount; i++)
        {
            value += weight(i + 1) * rowSums[i];
        }

        return value / Total;
    }

    /// <summary>(1/N<sub>s</sub>) Σ<sub>i,j</sub> w(i, j) s<sub>ij</sub>.</summary>
    internal double JointMoment(Func<double, double, double> weight)
    {
        var value = 0.0;
        for (var i = 0; i < LevelCount; i++)
        {
            if (rowSums[i] == 0)
            {
                continue;
            }

            for (var c = 0; c < ColumnCount; c++)
            {
                var s = counts[(i * ColumnCount) + c];
                if (s != 0)
                {
                    value += weight(i + 1, columnValues[c]) * s;
                }
            }
        }

        return value / Total;
    }

    /// <summary>(1/N<sub>s</sub>) Σ<sub>i</sub> s<sub>i.</sub>².</summary>
    internal double RowNonUniformity() => SumOfSquares(rowSums) / Total;

    /// <summary>(1/N<sub>s</sub>) Σ<sub>j</sub> s<sub>.j</sub>².</summary>
    internal double ColumnNonUniformity() => SumOfSquares(columnSums.AsSpan(0, ColumnCount)) / Total;

    /// <summary>Σ<sub>i,j</sub> (i − μ)² p<sub>ij</sub>, μ = Σ i p<sub>ij</sub>.</summary>
    internal double RowVariance()
    {
        var mean = RowMoment(static i => i);
        return RowMoment(i => (i - mean) * (i - mean));
    }

    /// <summary>Σ<sub>i,j</sub> (j − μ)² p<sub>ij</sub>, μ = Σ j p<sub>ij</sub>.</summary>
    internal double ColumnVariance()
    {
        var mean = ColumnMoment(static j => j);
        return ColumnMoment(j => (j - mean) * (j - mean));
    }

    /// <summary>−Σ<sub>i,j</sub> p<sub>ij</sub> log₂ p<sub>ij</sub>.</summary>
    internal double Entropy()
    {
        var entropy = 0.0;
        foreach (var s in counts.AsSpan(0, LevelCount * ColumnCount))
        {
            if (s > 0)
            {
                var p = s / Total;
                entropy -= p * Math.Log2(p);
            }
        }

        return entropy;
    }

    /// <summary>Σ<sub>i,j</sub> p<sub>ij</sub>².</summary>
    internal double Energy() => SumOfSquares(counts.AsSpan(0, LevelCount * ColumnCount)) / (Total * Total);

    private static double SumOfSquares(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v * v;
        }

        return sum;
    }
}
