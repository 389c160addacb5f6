using OlnmMl.Evaluation.Distributions;

namespace OlnmMl.Evaluation.Survival;

/// <summary>
/// The log-rank test of k groups (G-ρ family with ρ = 0; Mantel–Haenszel), equal to R's <c>survdiff</c>.
/// At each distinct event time t with n at risk (nₘ in group m) and d events (dₘ):
/// Eₘ = Σₜ d·nₘ/n; Vₘₗ = Σₜ d·(n − d)/(n − 1)·(nₘ/n)(δₘₗ − nₗ/n) (the hypergeometric variance, 0 when n = 1);
/// χ² = (O − E)ᵀ V⁻¹ (O − E) over the groups with Eₘ &gt; 0 less the first, df = that count.
/// </summary>
public static class LogRank
{
    /// <summary>Tests whether the survival curves of the groups differ.</summary>
    /// <param name="time">Follow-up time per case (finite, ≥ 0).</param>
    /// <param name="events">Per case: true = event, false = censored.</param>
    /// <param name="groups">Group index per case, 0 … k − 1 (k = largest index + 1).</param>
    /// <exception cref="ArgumentException">Different lengths, or a negative group index.</exception>
    /// <exception cref="OlnmUserException">A negative or non-finite time, no event, or fewer than two groups.</exception>
    public static LogRankTest Test(ReadOnlySpan<double> time, ReadOnlySpan<bool> events, ReadOnlySpan<int> groups)
    {
        SurvivalInput.Validate(time, events);
        CaseSet.RequireSameLength(time.Length, groups.Length, "time", "groups");
        int k = 0;
        foreach (int g in groups)
        {
            if (g < 0) throw new ArgumentException($"Group index {g} is negative; expected 0 … k − 1.", nameof(groups));
            k = Math.Max(k, g + 1);
        }

        if (k < 2) throw new OlnmUserException($"the log-rank test needs at least two groups; all {time.Length} cases are in one");

        var cases = new int[k];
        foreach (int g in groups) cases[g]++;
        var observed = new double[k];
        var expected = new double[k];
        var variance = new double[k][];
        for (int m = 0; m < k; m++) variance[m] = new double[k];
        var atRisk = (int[])cases.Clone();
        var deaths = new int[k];
        int totalAtRisk = time.Length;
        int[] order = SurvivalInput.OrderByTime(time);
        for (int start = 0; start < order.Length;)
        {
            double t = time[order[start]];
            int end = start, d = 0;
            Array.Clear(deaths);
            for (; end < order.Length && time[order[end]] == t; end++)
            {
                int i = order[end];
                if (!events[i]) continue;
                deaths[groups[i]]++;
                d++;
            }

            if (d > 0)
            {
                double n = totalAtRisk;
                double spread = n > 1 ? d * (n - d) / (n - 1) : 0;
                for (int m = 0; m < k; m++)
                {
                    observed[m] += deaths[m];
                    expected[m] += d * atRisk[m] / n;
                    for (int l = 0; l < k; l++)
                    {
                        variance[m][l] += spread * (atRisk[m] / n) * ((m == l ? 1 : 0) - atRisk[l] / n);
                    }
                }
            }

            for (int e = start; e < end; e++) atRisk[groups[order[e]]]--;
            totalAtRisk -= end - start;
            start = end;
        }

        var (chiSquare, df) = Statistic(observed, expected, variance);
        return new LogRankTest(cases, observed, expected, variance, chiSquare, df, df > 0 ? ChiSquare.UpperTail(chiSquare, df) : double.NaN);
    }

    private static (double ChiSquare, int DegreesOfFreedom) Statistic(double[] observed, double[] expected, double[][] variance)
    {
        var kept = Enumerable.Range(0, expected.Length).Where(m => expected[m] > 0).Skip(1).ToArray();
        if (kept.Length == 0) return (0, 0);
        var difference = kept.Select(m => observed[m] - expected[m]).ToArray();
        var matrix = new double[kept.Length * kept.Length];
        for (int a = 0; a < kept.Length; a++)
        {
            for (int b = 0; b < kept.Length; b++) matrix[a * kept.Length + b] = variance[kept[a]][kept[b]];
        }

        var solved = (double[])difference.Clone();
        if (!Cholesky.Decompose(matrix, kept.Length))
        {
            throw new OlnmUserException("the log-rank variance matrix is singular (a group whose cases are never at risk at an event time?)");
        }

        Cholesky.Solve(matrix, kept.Length, solved);
        double chiSquare = 0;
        for (int a = 0; a < kept.Length; a++) chiSquare += difference[a] * solved[a];
        return (chiSquare, kept.Length);
    }
}
