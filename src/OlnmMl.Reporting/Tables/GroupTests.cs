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

    /// <summary>
    /// One-way ANOVA: F = [Σ n_g(ȳ_g − ȳ)² / (k − 1)] / [Σ Σ (y − ȳ_g)² / (N − k)], p = P(F_{k−1, N−k} ≥ F) over the k
    /// non-empty groups (with two groups, the pooled-variance two-sample t-test: F = t²). NaN when k &lt; 2, N = k, or every
    /// group is constant.
    /// </summary>
    public static double AnovaPValue(IReadOnlyList<double[]> groups)
    {
        var nonEmpty = groups.Where(g => g.Length > 0).ToArray();
        var n = nonEmpty.Sum(g => g.Length);
        if (nonEmpty.Length < 2 || n <= nonEmpty.Length)
        {
            return double.NaN;
        }

        var grand = nonEmpty.SelectMany(g => g).Average();
        var between = nonEmpty.Sum(g => g.Length * (g.Average() - grand) * (g.Average() - grand));
        var within = nonEmpty.Sum(g => g.Sum(v => (v - g.Average()) * (v - g.Average())));
        var (d1, d2) = (nonEmpty.Length - 1, n - nonEmpty.Length);
        return within <= 0 ? double.NaN : FisherF.UpperTail(between / d1 / (within / d2), d1, d2);
    }

    /// <summary>The smallest expected count row total · column total / N of a table (over non-empty rows and columns).</summary>
    public static double SmallestExpectedCount(int[,] counts)
    {
        var (rows, columns) = (Totals(counts, 0), Totals(counts, 1));
        double total = rows.Sum();
        return rows.Where(r => r > 0).SelectMany(r => columns.Where(c => c > 0).Select(c => r * (double)c / total)).DefaultIfEmpty(double.NaN).Min();
    }

    /// <summary>
    /// Fisher's exact test of an r × c table (Freeman–Halton for r × c), as R's <c>fisher.test</c>: every table with the
    /// observed margins has probability P = Π r_i! Π c_j! / (N! Π n_ij!), and p = Σ P over the tables no more probable
    /// than the observed one (relative tolerance 1e−7, as R). The tables are enumerated; NaN when there are more than
    /// <paramref name="maxTables"/> of them (then report χ² and say why) or fewer than two non-empty rows or columns.
    /// </summary>
    public static double FisherExactPValue(int[,] counts, long maxTables = 2_000_000)
    {
        var rows = Totals(counts, 0).Where(t => t > 0).ToArray();
        var nonEmptyColumns = Enumerable.Range(0, counts.GetLength(1)).Where(c => Totals(counts, 1)[c] > 0).ToArray();
        var columns = nonEmptyColumns.Select(c => Totals(counts, 1)[c]).ToArray();
        if (rows.Length < 2 || columns.Length < 2)
        {
            return double.NaN;
        }

        var total = rows.Sum();
        var logFactorial = new double[total + 1];
        for (var i = 2; i <= total; i++)
        {
            logFactorial[i] = logFactorial[i - 1] + Math.Log(i);
        }

        var constant = rows.Sum(r => logFactorial[r]) + columns.Sum(c => logFactorial[c]) - logFactorial[total];
        var observedRows = Enumerable.Range(0, counts.GetLength(0)).Where(r => Enumerable.Range(0, counts.GetLength(1)).Any(c => counts[r, c] > 0)).ToArray();
        var observed = constant - observedRows.Sum(r => nonEmptyColumns.Sum(c => logFactorial[counts[r, c]]));
        var threshold = observed + Math.Log(1 + 1e-7);
        var remaining = (int[])columns.Clone();
        double p = 0;
        long tables = 0;

        // Fills row by row; within a row, cell by cell; the last cell of a row and the whole last row follow from the margins.
        bool Fill(int row, int column, int rowLeft, double logP)
        {
            if (row == rows.Length - 1)
            {
                if (++tables > maxTables)
                {
                    return false;
                }

                var last = logP - remaining.Sum(c => logFactorial[c]);
                if (last <= threshold)
                {
                    p += Math.Exp(last);
                }

                return true;
            }

            if (column == columns.Length - 1)
            {
                if (rowLeft > remaining[column])
                {
                    return true;
                }

                remaining[column] -= rowLeft;
                var ok = Fill(row + 1, 0, row + 1 < rows.Length ? rows[row + 1] : 0, logP - logFactorial[rowLeft]);
                remaining[column] += rowLeft;
                return ok;
            }

            var laterCapacity = 0;
            for (var c = column + 1; c < columns.Length; c++)
            {
                laterCapacity += remaining[c];
            }

            for (var x = Math.Max(0, rowLeft - laterCapacity); x <= Math.Min(rowLeft, remaining[column]); x++)
            {
                remaining[column] -= x;
                var ok = Fill(row, column + 1, rowLeft - x, logP - logFactorial[x]);
                remaining[column] += x;
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        return Fill(0, 0, rows[0], constant) ? Math.Min(1, p) : double.NaN;
    }

    private static int[] Totals(int[,] counts, int dimension)
    {
        var totals = new int[counts.GetLength(dimension)];
        for (var r = 0; r < counts.GetLength(0); r++)
        {
            for (var c = 0; c < counts.GetLength(1); c++)
            {
                totals[dimension == 0 ? r : c] += counts[r, c];
            }
        }

        return totals;
    }
}
