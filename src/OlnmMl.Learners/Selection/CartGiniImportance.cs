using OlnmMl.Learners.Data;

namespace OlnmMl.Learners.Selection;

/// <summary>
/// Gini importance of a single CART classification tree (as scikit-learn's <c>DecisionTreeClassifier</c> with
/// criterion "gini", best splitter, all features). A node t with n_t rows, p_t positives and Gini
/// G_t = 2 p_t(1 − p_t/n_t)/n_t is split where the decrease n_t G_t − n_L G_L − n_R G_R is largest (thresholds at
/// midpoints of consecutive distinct values; ties go to the lower feature index, where scikit-learn draws at random);
/// a feature's importance is the sum of its decreases / N, normalised to sum 1. Grown level by level: each level is
/// one pass over every presorted feature column, so the cost is O(depth · n · d).
/// </summary>
internal static class CartGiniImportance
{
    public static double[] Compute(DenseFeatureMatrix m, bool[] y, int maxDepth, int minSamplesSplit, int minSamplesLeaf)
    {
        var n = m.Rows;
        var d = m.Features;
        var columns = new double[n * d];
        var order = new int[n * d];
        Parallel.For(0, d, j =>
        {
            var col = columns.AsSpan(j * n, n);
            m.CopyColumn(j, col);
            var ord = order.AsSpan(j * n, n);
            for (int i = 0; i < n; i++) ord[i] = i;
            var keys = col.ToArray();
            keys.AsSpan().Sort(ord);
        });

        var nodeOf = new int[n];
        var counts = new[] { n };
        var positives = new[] { y.Count(v => v) };
        var active = n; // rows still in splittable nodes; order[j * n .. j * n + active) lists them sorted by feature j
        var importance = new double[d];

        for (int depth = 0; depth < maxDepth; depth++)
        {
            var nodes = counts.Length;
            var splittable = new bool[nodes];
            for (int t = 0; t < nodes; t++)
                splittable[t] = counts[t] >= minSamplesSplit && counts[t] >= 2 * minSamplesLeaf
                    && positives[t] > 0 && positives[t] < counts[t];
            if (!Compact(order, n, d, nodeOf, splittable, ref active)) break;

            var gains = new double[d * nodes];
            var thresholds = new double[d * nodes];
            var levelCounts = counts;
            var levelPositives = positives;
            var levelActive = active;
            Parallel.For(0, d, () => (LeftN: new int[nodes], LeftPos: new int[nodes], Last: new double[nodes]), (j, _, s) =>
            {
                Array.Clear(s.LeftN);
                Array.Clear(s.LeftPos);
                var gain = gains.AsSpan(j * nodes, nodes);
                var thr = thresholds.AsSpan(j * nodes, nodes);
                gain.Fill(double.NegativeInfinity);
                var col = columns.AsSpan(j * n, n);
                foreach (var i in order.AsSpan(j * n, levelActive))
                {
                    var t = nodeOf[i];
                    var v = col[i];
                    var nl = s.LeftN[t];
                    if (nl >= minSamplesLeaf && v > s.Last[t] && levelCounts[t] - nl >= minSamplesLeaf)
                    {
                        var g = Decrease(levelCounts[t], levelPositives[t], nl, s.LeftPos[t]);
                        if (g > gain[t])
                        {
                            gain[t] = g;
                            thr[t] = 0.5 * (s.Last[t] + v);
                        }
                    }
                    s.LeftN[t] = nl + 1;
                    if (y[i]) s.LeftPos[t]++;
                    s.Last[t] = v;
                }
                return s;
            }, _ => { });

            var bestFeature = new int[nodes];
            var bestThreshold = new double[nodes];
            var childOf = new int[nodes];
            var children = 0;
            for (int t = 0; t < nodes; t++)
            {
                bestFeature[t] = -1;
                childOf[t] = -1;
                if (!splittable[t]) continue;
                var best = double.NegativeInfinity;
                for (int j = 0; j < d; j++)
                {
                    if (gains[j * nodes + t] > best)
                    {
                        best = gains[j * nodes + t];
                        bestFeature[t] = j;
                        bestThreshold[t] = thresholds[j * nodes + t];
                    }
                }
                if (bestFeature[t] < 0) continue;
                importance[bestFeature[t]] += best / n;
                childOf[t] = children;
                children += 2;
            }

            counts = new int[children];
            positives = new int[children];
            for (int i = 0; i < n; i++)
            {
                var t = nodeOf[i];
                if (t < 0 || childOf[t] < 0)
                {
                    nodeOf[i] = -1;
                    continue;
                }
                var child = childOf[t] + (columns[bestFeature[t] * n + i] <= bestThreshold[t] ? 0 : 1);
                nodeOf[i] = child;
                counts[child]++;
                if (y[i]) positives[child]++;
            }
        }

        var total = importance.Sum();
        if (total > 0) for (int j = 0; j < d; j++) importance[j] /= total;
        return importance;
    }

    /// <summary>
    /// Drops rows of non-splittable nodes (marking them −1) from every feature's sorted order, keeping the order
    /// stable; returns false when no row is left to split.
    /// </summary>
    private static bool Compact(int[] order, int n, int d, int[] nodeOf, bool[] splittable, ref int active)
    {
        var kept = 0;
        for (int i = 0; i < n; i++)
        {
            if (nodeOf[i] >= 0 && !splittable[nodeOf[i]]) nodeOf[i] = -1;
            if (nodeOf[i] >= 0) kept++;
        }
        if (kept == 0) return false;
        if (kept == active) return true;
        var current = active;
        Parallel.For(0, d, j =>
        {
            var ord = order.AsSpan(j * n, current);
            var w = 0;
            foreach (var i in ord)
                if (nodeOf[i] >= 0) ord[w++] = i;
        });
        active = kept;
        return true;
    }

    /// <summary>n G − n_L G_L − n_R G_R with n G = 2 p (n − p) / n.</summary>
    private static double Decrease(int n, int p, int nl, int pl)
    {
        var nr = n - nl;
        var pr = p - pl;
        return 2.0 * (p * (double)(n - p) / n - pl * (double)(nl - pl) / nl - pr * (double)(nr - pr) / nr);
    }
}
