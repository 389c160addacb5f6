namespace OlnmMl.Learners.Svm;

/// <summary>
/// The C-SVC dual problem's matrix Q with Q_ij = y_i y_j k(x_i, x_j), columns served from a <see cref="KernelColumnCache"/>.
/// </summary>
internal sealed class SvmProblem
{
    private readonly double[] _x;
    private readonly double[] _squaredNorms;
    private readonly KernelColumnCache _cache;

    public SvmProblem(double[] x, int rows, int features, sbyte[] y, Kernel kernel, long cacheBytes)
    {
        _x = x;
        Rows = rows;
        Features = features;
        Y = y;
        Kernel = kernel;
        _squaredNorms = new double[rows];
        Diagonal = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            var r = Row(i);
            double s = 0;
            foreach (var v in r) s += v * v;
            _squaredNorms[i] = s;
            Diagonal[i] = kernel.Evaluate(r, r);
        }
        _cache = new KernelColumnCache(rows, rows, cacheBytes);
    }

    public int Rows { get; }

    public int Features { get; }

    public sbyte[] Y { get; }

    public Kernel Kernel { get; }

    /// <summary>Q_ii = k(x_i, x_i).</summary>
    public double[] Diagonal { get; }

    public ReadOnlySpan<double> Row(int i) => _x.AsSpan(i * Features, Features);

    /// <summary>Column i of Q (length l).</summary>
    public float[] Column(int i)
    {
        var column = _cache.Get(i, out var filled);
        if (filled) return column;
        var xi = Row(i);
        var yi = Y[i];
        for (int j = 0; j < Rows; j++)
            column[j] = (float)(yi * Y[j] * KernelValue(i, xi, j));
        return column;
    }

    private double KernelValue(int i, ReadOnlySpan<double> xi, int j)
    {
        if (Kernel.Type != KernelType.Rbf) return Kernel.Evaluate(xi, Row(j));
        var xj = Row(j);
        double dot = 0;
        for (int k = 0; k < xi.Length; k++) dot += xi[k] * xj[k];
        var d2 = Math.Max(_squaredNorms[i] + _squaredNorms[j] - 2 * dot, 0);
        return Math.Exp(-Kernel.Gamma * d2);
    }
}
