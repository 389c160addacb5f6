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
        var nodeCount = new List<int> { n };
        var nodePos = new List<int> { y.Count(v => v) };
        var importance = new double[d];

        for (int depth = 0; depth < maxDepth && nodeCount.Count > 0; depth++)
        {
            var nodes = nodeCount.Count;
            var splittable = new bool[nodes];
            for (int t = 0; t < nodes; t++)
                splittable[t] = nodeCount[t] >= minSamplesSplit && nodeCount[t] >= 2 * minSamplesLeaf
                    && nodePos[t] > 0 && nodePos[t] < nodeCount[t];
            if (!splittable.Any(s => s)) break;

            var gains = new double[d * nodes];
            var thresholds = new double[d * nodes];
            var counts = nodeCount.ToArray();
            var positives = nodePos.ToArray();
            Parallel.For(0, d, () => (LeftN: new int[nodes], LeftPos: new int[nodes], Last: new double[nodes]), (j, _, s) =>
            {
                Array.Clear(s.LeftN);
                Array.Clear(s.LeftPos);
                var gain = gains.AsSpan(j * nodes, nodes);
                var thr = thresholds.AsSpan(j * nodes, nodes);
                gain.Fill(double.NegativeInfinity);
                var col = columns.AsSpan(j * n, n);
                foreach (var i in order.AsSpan(j * n, n))
                {
                    var t = nodeOf[i];
                    if (t < 0 || !splittable[t]) continue;
                    var v = col[i];
                    var nl = s.LeftN[t];
                    if (nl >= minSamplesLeaf && v > s.Last[t] && counts[t] - nl >= minSamplesLeaf)
                    {
                        var g = Decrease(counts[t], positives[t], nl, s.LeftPos[t]);
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
            var nextCount = new List<int>();
            var nextPos = new List<int>();
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
                childOf[t] = nextCount.Count;
                nextCount.Add(0); nextCount.Add(0);
                nextPos.Add(0); nextPos.Add(0);
            }

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
                nextCount[child]++;
                if (y[i]) nextPos[child]++;
            }
            nodeCount = nextCount;
            nodePos = nextPos;
        }

        var total = importance.Sum();
        if (total > 0) for (int j = 0; j < d; j++) importance[j] /= total;
        return importance;
    }

    /// <summary>n G − n_L G_L − n_R G_R with n G = 2 p (n − p) / n.</summary>
    private static double Decrease(int n, int p, int nl, int pl)
    {
        var nr = n - nl;
        var pr = p - pl;
        return 2.0 * (p * (double)(n - p) / n - pl * (double)(nl - pl) / nl - pr * (double)(nr - pr) / nr);
    }
}
