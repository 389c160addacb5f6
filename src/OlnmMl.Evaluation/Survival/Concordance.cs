namespace OlnmMl.Evaluation.Survival;

/// <summary>
/// Harrell's concordance of a risk score with right-censored survival, as R's <c>concordancefit(..., reverse = TRUE,
/// timewt = "n")</c> (what <c>coxph</c> reports). A pair (i, j) is comparable when i has an event at tᵢ and j was still
/// at risk: tⱼ &gt; tᵢ, or tⱼ = tᵢ with j censored. It is concordant when rᵢ &gt; rⱼ, discordant when rᵢ &lt; rⱼ, tied
/// on risk when equal. With N = C + D + T, Somers' d = (C − D)/N and C-index = (d + 1)/2. Standard error: with
/// Cₖ, Dₖ, Tₖ the comparable pairs case k belongs to, dfbetaₖ = ((Cₖ − Dₖ) − d·(Cₖ + Dₖ + Tₖ))/N and
/// SE = √(Σₖ dfbetaₖ²)/2. Counted with a Fenwick tree over the risk ranks: O(n log n) time, O(n) memory.
/// </summary>
public static class Concordance
{
    /// <summary>Concordance of <paramref name="risk"/> (higher = earlier event) with the survival outcome.</summary>
    /// <param name="time">Follow-up time per case (finite, ≥ 0).</param>
    /// <param name="events">Per case: true = event, false = censored.</param>
    /// <param name="risk">Risk score per case (e.g. the Cox linear predictor).</param>
    /// <exception cref="ArgumentException">Different lengths.</exception>
    /// <exception cref="OlnmUserException">A negative or non-finite time, or no event.</exception>
    public static ConcordanceEstimate Harrell(ReadOnlySpan<double> time, ReadOnlySpan<bool> events, ReadOnlySpan<double> risk)
    {
        SurvivalInput.Validate(time, events);
        CaseSet.RequireSameLength(time.Length, risk.Length, "time", "risk");
        int n = time.Length;
        int[] rank = Ranks(risk);
        int[] order = SurvivalInput.OrderByTime(time);
        var concordant = new long[n];
        var discordant = new long[n];
        var tied = new long[n];
        var tree = new long[n + 1];
        long tiedTime = 0, tiedBoth = 0;

        // Each event i against the cases still at risk after it (later times, and censorings at its time), descending in time.
        int inserted = 0;
        for (int end = n; end > 0;)
        {
            int start = BlockStart(order, time, end);
            for (int r = start; r < end; r++)
            {
                if (!events[order[r]]) Add(tree, rank[order[r]], ref inserted);
            }

            for (int r = start; r < end; r++)
            {
                int i = order[r];
                if (!events[i]) continue;
                long below = Prefix(tree, rank[i] - 1), same = Prefix(tree, rank[i]) - below;
                concordant[i] += below;
                tied[i] += same;
                discordant[i] += inserted - below - same;
            }

            var (pairs, equalRisk) = TiedEvents(order, events, rank, start, end);
            tiedTime += pairs - equalRisk;
            tiedBoth += equalRisk;
            for (int r = start; r < end; r++)
            {
                if (events[order[r]]) Add(tree, rank[order[r]], ref inserted);
            }

            end = start;
        }

        // Each case j against the events it outlived (earlier events, and events at its time when j is censored), ascending.
        Array.Clear(tree);
        inserted = 0;
        for (int start = 0; start < n;)
        {
            int end = start;
            while (end < n && time[order[end]] == time[order[start]]) end++;
            for (int pass = 0; pass < 2; pass++)
            {
                for (int r = start; r < end; r++)
                {
                    int j = order[r];
                    if (events[j] != (pass == 0)) continue;
                    long below = Prefix(tree, rank[j] - 1), same = Prefix(tree, rank[j]) - below;
                    discordant[j] += below;
                    tied[j] += same;
                    concordant[j] += inserted - below - same;
                }

                if (pass > 0) continue;
                for (int r = start; r < end; r++)
                {
                    if (events[order[r]]) Add(tree, rank[order[r]], ref inserted);
                }
            }

            start = end;
        }

        long c = 0, d = 0, t = 0;
        for (int k = 0; k < n; k++)
        {
            c += concordant[k];
            d += discordant[k];
            t += tied[k];
        }

        // Every comparable pair was counted for both of its cases.
        (c, d, t) = (c / 2, d / 2, t / 2);
        double total = c + d + t;
        double somers = (c - d) / total;
        double sum = 0;
        for (int k = 0; k < n; k++)
        {
            double dfbeta = (concordant[k] - discordant[k] - somers * (concordant[k] + discordant[k] + tied[k])) / total;
            sum += dfbeta * dfbeta;
        }

        return new ConcordanceEstimate((somers + 1) / 2, Math.Sqrt(sum) / 2, c, d, t, tiedTime, tiedBoth);
    }

    /// <summary>Dense ranks 1 … R of the risk values (equal values share a rank).</summary>
    private static int[] Ranks(ReadOnlySpan<double> risk)
    {
        var sorted = risk.ToArray();
        var index = new int[sorted.Length];
        for (int i = 0; i < index.Length; i++) index[i] = i;
        Array.Sort(sorted, index);
        var rank = new int[sorted.Length];
        for (int k = 0, current = 0; k < sorted.Length; k++)
        {
            if (k == 0 || sorted[k] != sorted[k - 1]) current++;
            rank[index[k]] = current;
        }

        return rank;
    }

    private static int BlockStart(int[] order, ReadOnlySpan<double> time, int end)
    {
        int start = end - 1;
        while (start > 0 && time[order[start - 1]] == time[order[end - 1]]) start--;
        return start;
    }

    /// <summary>Pairs of events in one block of equal times, and how many of them have equal risk.</summary>
    private static (long Pairs, long EqualRisk) TiedEvents(int[] order, ReadOnlySpan<bool> events, int[] rank, int start, int end)
    {
        var ranks = new List<int>();
        for (int r = start; r < end; r++)
        {
            if (events[order[r]]) ranks.Add(rank[order[r]]);
        }

        if (ranks.Count < 2) return (0, 0);
        ranks.Sort();
        long equal = 0;
        for (int a = 0; a < ranks.Count;)
        {
            int b = a;
            while (b < ranks.Count && ranks[b] == ranks[a]) b++;
            equal += (long)(b - a) * (b - a - 1) / 2;
            a = b;
        }

        return ((long)ranks.Count * (ranks.Count - 1) / 2, equal);
    }

    /// <summary>Fenwick tree: one more case at <paramref name="rank"/>.</summary>
    private static void Add(long[] tree, int rank, ref int inserted)
    {
        inserted++;
        for (; rank < tree.Length; rank += rank & -rank) tree[rank]++;
    }

    /// <summary>Fenwick tree: cases with rank ≤ <paramref name="rank"/>.</summary>
    private static long Prefix(long[] tree, int rank)
    {
        long sum = 0;
        for (; rank > 0; rank -= rank & -rank) sum += tree[rank];
        return sum;
    }
}
