namespace OlnmMl.Evaluation.Bootstrap;

/// <summary>A statistic of the cases listed in <paramref name="caseIndices"/> (indices may repeat).</summary>
/// <param name="caseIndices">Indices into the caller's case arrays, one per resampled case.</param>
public delegate double ResampledStatistic(ReadOnlySpan<int> caseIndices);

/// <summary>A statistic of scores and labels (e.g. <c>(s, y) =&gt; BrierScore.Compute(s, y)</c>).</summary>
/// <param name="scores">Scores of the resampled cases.</param>
/// <param name="labels">Labels of the resampled cases.</param>
public delegate double ScoreStatistic(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels);

/// <summary>
/// Percentile bootstrap confidence intervals for any statistic (Efron &amp; Tibshirani 1993, ch. 13).
/// Each replicate draws, with replacement, as many positives from the positives and as many
/// negatives from the negatives as the sample holds (stratified, the default, as pROC), or N cases
/// from all. Replicates run in parallel; replicate r's random stream depends only on (seed, r).
/// </summary>
public static class BootstrapCi
{
    /// <summary>Interval for a statistic of case indices (use it for paired statistics of several scores).</summary>
    /// <param name="labels">One label per case (defines the strata).</param>
    /// <param name="statistic">The statistic; called concurrently from several threads.</param>
    /// <param name="options">Settings; null = defaults (2000 replicates, seed 42, 95 %, stratified).</param>
    public static BootstrapInterval Compute(ReadOnlySpan<bool> labels, ResampledStatistic statistic, BootstrapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        options ??= new BootstrapOptions();
        options.Validate();
        int total = labels.Length;
        var positives = new List<int>();
        var negatives = new List<int>();
        for (int i = 0; i < total; i++) (labels[i] ? positives : negatives).Add(i);
        int[] positiveCases = [.. positives];
        int[] negativeCases = [.. negatives];

        var identity = new int[total];
        for (int i = 0; i < total; i++) identity[i] = i;
        double estimate = statistic(identity);

        var results = new double[options.Replicates];
        Parallel.For(
            0,
            options.Replicates,
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism },
            () => new int[total],
            (r, _, buffer) =>
            {
                var random = SplitMix64.ForReplicate(options.Seed, r);
                if (options.Stratified)
                {
                    for (int i = 0; i < positiveCases.Length; i++) buffer[i] = positiveCases[random.NextInt(positiveCases.Length)];
                    for (int j = 0; j < negativeCases.Length; j++) buffer[positiveCases.Length + j] = negativeCases[random.NextInt(negativeCases.Length)];
                }
                else
                {
                    for (int i = 0; i < total; i++) buffer[i] = random.NextInt(total);
                }

                results[r] = statistic(buffer);
                return buffer;
            },
            _ => { });
        return Summarise(estimate, results, options);
    }

    /// <summary>Interval for a statistic of (scores, labels), e.g. Brier score or average precision.</summary>
    /// <param name="scores">One score per case.</param>
    /// <param name="labels">One label per case: true = positive.</param>
    /// <param name="statistic">The statistic; called concurrently from several threads.</param>
    /// <param name="options">Settings; null = defaults.</param>
    public static BootstrapInterval Compute(double[] scores, bool[] labels, ScoreStatistic statistic, BootstrapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(statistic);
        CaseSet.RequireSameLength(scores.Length, labels.Length);
        var gatheredScores = new ThreadLocal<double[]>(() => new double[scores.Length]);
        var gatheredLabels = new ThreadLocal<bool[]>(() => new bool[labels.Length]);
        try
        {
            return Compute(
                labels,
                indices =>
                {
                    double[] s = gatheredScores.Value!;
                    bool[] y = gatheredLabels.Value!;
                    for (int i = 0; i < indices.Length; i++)
                    {
                        s[i] = scores[indices[i]];
                        y[i] = labels[indices[i]];
                    }

                    return statistic(s.AsSpan(0, indices.Length), y.AsSpan(0, indices.Length));
                },
                options);
        }
        finally
        {
            gatheredScores.Dispose();
            gatheredLabels.Dispose();
        }
    }

    /// <summary>
    /// Interval for the AUC, specialised: scores are sorted once into tie groups, and each replicate
    /// only counts how often each group is drawn, then AUC = Σ_g p_g (N_g + q_g/2) / (m n) in one pass
    /// (O(N) per replicate, no allocation). Non-finite scores are dropped first. With a class missing
    /// the result is NaN throughout.
    /// </summary>
    /// <param name="scores">One score per case.</param>
    /// <param name="labels">One label per case: true = positive.</param>
    /// <param name="options">Settings; null = defaults.</param>
    public static BootstrapInterval Auc(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels, BootstrapOptions? options = null)
    {
        options ??= new BootstrapOptions();
        options.Validate();
        var (finiteScores, finiteLabels) = CaseSet.Finite(scores, labels);
        var groups = TieGroups.Build(finiteScores, finiteLabels);
        if (groups.PositiveGroups.Length == 0 || groups.NegativeGroups.Length == 0)
        {
            return new BootstrapInterval(double.NaN, double.NaN, double.NaN, double.NaN, options.ConfidenceLevel, options.Replicates, options.Replicates, options.Seed, options.Stratified);
        }

        double estimate = groups.Auc(groups.PositiveCounts(), groups.NegativeCounts());
        var results = new double[options.Replicates];
        Parallel.For(
            0,
            options.Replicates,
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism },
            () => (Positive: new int[groups.Count], Negative: new int[groups.Count]),
            (r, _, counts) =>
            {
                Array.Clear(counts.Positive);
                Array.Clear(counts.Negative);
                var random = SplitMix64.ForReplicate(options.Seed, r);
                if (options.Stratified)
                {
                    int[] pg = groups.PositiveGroups, ng = groups.NegativeGroups;
                    for (int i = 0; i < pg.Length; i++) counts.Positive[pg[random.NextInt(pg.Length)]]++;
                    for (int j = 0; j < ng.Length; j++) counts.Negative[ng[random.NextInt(ng.Length)]]++;
                }
                else
                {
                    int[] caseGroups = groups.CaseGroups;
                    for (int i = 0; i < caseGroups.Length; i++)
                    {
                        int pick = random.NextInt(caseGroups.Length);
                        if (finiteLabels[pick]) counts.Positive[caseGroups[pick]]++;
                        else counts.Negative[caseGroups[pick]]++;
                    }
                }

                results[r] = groups.Auc(counts.Positive, counts.Negative);
                return counts;
            },
            _ => { });
        return Summarise(estimate, results, options);
    }

    private static BootstrapInterval Summarise(double estimate, double[] results, BootstrapOptions options)
    {
        int undefined = 0;
        foreach (double value in results) if (double.IsNaN(value)) undefined++;
        double[] defined = undefined == 0 ? results : results.Where(v => !double.IsNaN(v)).ToArray();
        Array.Sort(defined);
        double alpha = 1 - options.ConfidenceLevel;
        double mean = defined.Length == 0 ? double.NaN : defined.Average();
        double sumSquares = 0;
        foreach (double value in defined) sumSquares += (value - mean) * (value - mean);
        double sd = defined.Length > 1 ? Math.Sqrt(sumSquares / (defined.Length - 1)) : double.NaN;
        return new BootstrapInterval(
            estimate,
            Quantile.OfSorted(defined, alpha / 2),
            Quantile.OfSorted(defined, 1 - alpha / 2),
            sd,
            options.ConfidenceLevel,
            options.Replicates,
            undefined,
            options.Seed,
            options.Stratified);
    }
}
