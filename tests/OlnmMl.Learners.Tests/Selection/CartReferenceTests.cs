using OlnmMl.Learners.Data;
using OlnmMl.Learners.Selection;

namespace OlnmMl.Learners.Tests.Selection;

/// <summary>
/// The level-wise, compacted CART importance against a plain recursive CART written here from the definition
/// (each node: try every feature and every midpoint between consecutive distinct values, keep the largest Gini
/// decrease, first feature on ties; recurse until pure or unsplittable).
/// </summary>
public class CartReferenceTests
{
    [Theory]
    [InlineData(1, 60, 6, int.MaxValue, 1)]
    [InlineData(2, 90, 10, 4, 1)]
    [InlineData(3, 120, 5, int.MaxValue, 5)]
    public void LevelWiseImportance_EqualsRecursiveReference(int seed, int n, int d, int maxDepth, int minLeaf)
    {
        var (xs, y) = TestData.Gaussian(n, d, 2, 0.5, seed);
        // Round so that ties between values occur.
        var x = xs.SelectMany(r => r.Select(v => Math.Round(v, 1))).ToArray();
        var m = new DenseFeatureMatrix(x, n, d, y, Enumerable.Range(0, d).Select(j => $"f{j}").ToArray());

        var fast = CartGiniImportance.Compute(m, y, maxDepth, 2, minLeaf);

        var reference = new double[d];
        Grow(x, d, y, Enumerable.Range(0, n).ToArray(), 0, maxDepth, minLeaf, reference, n);
        var total = reference.Sum();
        for (int j = 0; j < d; j++) Assert.Equal(reference[j] / total, fast[j], 10);
    }

    private static void Grow(double[] x, int d, bool[] y, int[] rows, int depth, int maxDepth, int minLeaf, double[] importance, int n)
    {
        var pos = rows.Count(i => y[i]);
        if (depth >= maxDepth || rows.Length < 2 || rows.Length < 2 * minLeaf || pos == 0 || pos == rows.Length) return;
        double NodeGini(int count, int p) => 2.0 * p * (count - p) / count;
        var parent = NodeGini(rows.Length, pos);
        var best = double.NegativeInfinity;
        var bestFeature = -1;
        var bestThreshold = 0.0;
        for (int j = 0; j < d; j++)
        {
            var values = rows.Select(i => x[i * d + j]).Distinct().Order().ToArray();
            for (int k = 0; k + 1 < values.Length; k++)
            {
                var threshold = 0.5 * (values[k] + values[k + 1]);
                var left = rows.Where(i => x[i * d + j] <= threshold).ToArray();
                var right = rows.Where(i => x[i * d + j] > threshold).ToArray();
                if (left.Length < minLeaf || right.Length < minLeaf) continue;
                var gain = parent - NodeGini(left.Length, left.Count(i => y[i])) - NodeGini(right.Length, right.Count(i => y[i]));
                if (gain > best + 1e-12)
                {
                    best = gain;
                    bestFeature = j;
                    bestThreshold = threshold;
                }
            }
        }
        if (bestFeature < 0) return;
        importance[bestFeature] += best / n;
        Grow(x, d, y, rows.Where(i => x[i * d + bestFeature] <= bestThreshold).ToArray(), depth + 1, maxDepth, minLeaf, importance, n);
        Grow(x, d, y, rows.Where(i => x[i * d + bestFeature] > bestThreshold).ToArray(), depth + 1, maxDepth, minLeaf, importance, n);
    }
}
