using OlnmMl.Evaluation.Distributions;

namespace OlnmMl.Reporting.Tables;

/// <summary>The between-cohort tests of a clinical characteristics table.</summary>
public static class GroupTests
{
    /// <summary>
    /// Pearson's χ² test of independence for a groups × categories table of counts:
    /// χ² = Σ (O − E)² / E with E = row total · column total / N, df = (r − 1)(c − 1) over the rows and
    /// columns with a non-zero total. NaN when df = 0.
    /// </summary>
    public static double ChiSquarePValue(int[,] counts)
    {
        var rows = counts.GetLength(0);
        var columns = counts.GetLength(1);
        var rowTotals = new double[rows];
        var columnTotals = new double[columns];
        double total = 0;
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                rowTotals[r] += counts[r, c];
                columnTotals[c] += counts[r, c];
                total += counts[r, c];
            }
        }

        var degrees = (rowTotals.Count(t => t > 0) - 1) * (columnTotals.Count(t => t > 0) - 1);
        if (degrees <= 0)
        {
            return double.NaN;
        }

        double statistic = 0;
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var expected = rowTotals[r] * columnTotals[c] / total;
                if (expected > 0)
                {
                    statistic += (counts[r, c] - expected) * (counts[r, c] - expected) / expected;
                }
            }
        }

        return ChiSquare.UpperTail(statistic, degrees);
    }

    /// <summary>
    /// Kruskal–Wallis H test with the tie correction: H = [12 / (N(N+1)) Σ R_g²/n_g − 3(N+1)] / (1 − Σ(t³ − t)/(N³ − N)),
    /// p = P(χ²_{k−1} ≥ H) over the k non-empty groups. NaN when k &lt; 2 or every value is tied.
    /// </summary>
    public static double KruskalWallisPValue(IReadOnlyList<double[]> groups)
    {
        var nonEmpty = groups.Where(g => g.Length > 0).ToArray();
        if (nonEmpty.Length < 2)
        {
            return double.NaN;
        }

        var all = nonEmpty.SelectMany((g, index) => g.Select(v => (Value: v, Group: index))).OrderBy(x => x.Value).ToArray();
        double n = all.Length;
        var rankSums = new double[nonEmpty.Length];
        double tieSum = 0;
        for (var start = 0; start < all.Length;)
        {
            var end = start;
            while (end + 1 < all.Length && all[end + 1].Value == all[start].Value)
            {
                end++;
            }

            var midrank = (start + end) / 2.0 + 1;
            for (var i = start; i <= end; i++)
            {
                rankSums[all[i].Group] += midrank;
            }

            double t = end - start + 1;
            tieSum += t * t * t - t;
            start = end + 1;
        }

        var correction = 1 - tieSum / (n * n * n - n);
        if (correction <= 0)
        {
            return double.NaN;
        }

        var h = 12 / (n * (n + 1)) * nonEmpty.Select((g, i) => rankSums[i] * rankSums[i] / g.Length).Sum() - 3 * (n + 1);
        return ChiSquare.UpperTail(h / correction, nonEmpty.Length - 1);
    }
}
