namespace OlnmMl.Evaluation.Bootstrap;

/// <summary>
/// Cases sorted once into groups of equal score (ascending); positives and negatives are
/// represented by their group index, so a resample is a vector of per-group counts.
/// </summary>
internal sealed class TieGroups
{
    private TieGroups(int count, int[] positiveGroups, int[] negativeGroups, int[] caseGroups)
    {
        Count = count;
        PositiveGroups = positiveGroups;
        NegativeGroups = negativeGroups;
        CaseGroups = caseGroups;
    }

    public int Count { get; }

    /// <summary>Group index of each positive case.</summary>
    public int[] PositiveGroups { get; }

    /// <summary>Group index of each negative case.</summary>
    public int[] NegativeGroups { get; }

    /// <summary>Group index of every case, in case order.</summary>
    public int[] CaseGroups { get; }

    /// <summary>Groups finite scores; the group arrays list positives and negatives in case order.</summary>
    public static TieGroups Build(double[] scores, bool[] labels)
    {
        var sortedScores = (double[])scores.Clone();
        int[] order = Enumerable.Range(0, scores.Length).ToArray();
        Array.Sort(sortedScores, order);
        var groupOfCase = new int[scores.Length];
        int group = -1;
        for (int i = 0; i < sortedScores.Length; i++)
        {
            if (i == 0 || sortedScores[i] != sortedScores[i - 1]) group++;
            groupOfCase[order[i]] = group;
        }

        var positives = new List<int>();
        var negatives = new List<int>();
        for (int c = 0; c < scores.Length; c++) (labels[c] ? positives : negatives).Add(groupOfCase[c]);
        return new TieGroups(group + 1, [.. positives], [.. negatives], groupOfCase);
    }

    public int[] PositiveCounts() => CountsOf(PositiveGroups);

    public int[] NegativeCounts() => CountsOf(NegativeGroups);

    /// <summary>AUC from per-group counts: 2U = Σ_g p_g (2 N_g + q_g), AUC = 2U / (2 m n); NaN when m or n is 0.</summary>
    public double Auc(ReadOnlySpan<int> positiveCounts, ReadOnlySpan<int> negativeCounts)
    {
        long twiceU = 0, negativesBelow = 0, m = 0;
        for (int g = 0; g < Count; g++)
        {
            twiceU += positiveCounts[g] * (2 * negativesBelow + negativeCounts[g]);
            negativesBelow += negativeCounts[g];
            m += positiveCounts[g];
        }

        return m == 0 || negativesBelow == 0 ? double.NaN : twiceU / (2.0 * m * negativesBelow);
    }

    private int[] CountsOf(int[] groups)
    {
        var counts = new int[Count];
        foreach (int g in groups) counts[g]++;
        return counts;
    }
}
