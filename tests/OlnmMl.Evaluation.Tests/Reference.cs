namespace OlnmMl.Evaluation.Tests;

/// <summary>Independent brute-force references and test data.</summary>
internal static class Reference
{
    /// <summary>ψ(x, y) = 1 if x &gt; y, ½ if equal, 0 otherwise.</summary>
    public static double Psi(double x, double y) => x > y ? 1 : x == y ? 0.5 : 0;

    /// <summary>
    /// DeLong 1988 directly from the definition, O(mn): V10ᵢ = mean_j ψ(Xᵢ, Yⱼ), V01ⱼ = mean_i ψ(Xᵢ, Yⱼ),
    /// Cov(r, s) = Σ(V10ʳ − Aʳ)(V10ˢ − Aˢ)/((m − 1)m) + Σ(V01ʳ − Aʳ)(V01ˢ − Aˢ)/((n − 1)n).
    /// </summary>
    public static (double[] Aucs, double[,] Covariance) BruteForceDeLong(double[][] scores, bool[] labels)
    {
        int k = scores.Length;
        int[] pos = Enumerable.Range(0, labels.Length).Where(i => labels[i]).ToArray();
        int[] neg = Enumerable.Range(0, labels.Length).Where(i => !labels[i]).ToArray();
        int m = pos.Length, n = neg.Length;
        var v10 = new double[k, m];
        var v01 = new double[k, n];
        var aucs = new double[k];
        for (int r = 0; r < k; r++)
        {
            double total = 0;
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    double psi = Psi(scores[r][pos[i]], scores[r][neg[j]]);
                    v10[r, i] += psi / n;
                    v01[r, j] += psi / m;
                    total += psi;
                }
            }

            aucs[r] = total / (m * (double)n);
        }

        var cov = new double[k, k];
        for (int r = 0; r < k; r++)
        {
            for (int s = 0; s < k; s++)
            {
                double s10 = 0, s01 = 0;
                for (int i = 0; i < m; i++) s10 += (v10[r, i] - aucs[r]) * (v10[s, i] - aucs[s]);
                for (int j = 0; j < n; j++) s01 += (v01[r, j] - aucs[r]) * (v01[s, j] - aucs[s]);
                cov[r, s] = s10 / ((m - 1.0) * m) + s01 / ((n - 1.0) * n);
            }
        }

        return (aucs, cov);
    }

    /// <summary>Binormal sample with scores rounded to <paramref name="decimals"/> (to create ties) and a correlated second score.</summary>
    public static (double[] First, double[] Second, bool[] Labels) Binormal(int cases, double shift, int seed, int decimals = 1)
    {
        var random = new Random(seed);
        var first = new double[cases];
        var second = new double[cases];
        var labels = new bool[cases];
        for (int i = 0; i < cases; i++)
        {
            labels[i] = random.NextDouble() < 0.4;
            double common = Gaussian(random);
            first[i] = Math.Round(common + (labels[i] ? shift : 0), decimals);
            second[i] = Math.Round(0.6 * common + 0.8 * Gaussian(random) + (labels[i] ? shift * 0.7 : 0), decimals);
        }

        return (first, second, labels);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
