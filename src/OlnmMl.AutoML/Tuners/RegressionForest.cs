namespace OlnmMl.AutoML.Tuners;

/// <summary>
/// A small random forest for regression, the SMAC surrogate: each tree is grown by CART (split maximising the
/// reduction of the sum of squared errors) on a bootstrap sample, trying a random subset of features per node.
/// The predictive distribution at x has mean μ = (1/T)Σ_t m_t(x) and variance
/// σ² = (1/T)Σ_t (v_t(x) + m_t(x)²) − μ² (law of total variance over trees; m_t, v_t the leaf mean and variance).
/// </summary>
internal sealed class RegressionForest
{
    private readonly Tree[] _trees;

    private RegressionForest(Tree[] trees) => _trees = trees;

    /// <summary>Fits <paramref name="treeCount"/> trees to rows of <paramref name="features"/> (row-major, <paramref name="dimension"/> wide).</summary>
    public static RegressionForest Fit(double[] features, double[] targets, int dimension, int treeCount, int minLeafSize, Random random)
    {
        var n = targets.Length;
        if (n == 0 || features.Length != n * dimension)
        {
            throw new ArgumentException($"Forest needs {n} rows of {dimension} features, got {features.Length} values.");
        }

        var trees = new Tree[treeCount];
        var featuresPerSplit = Math.Max(1, (int)Math.Ceiling(dimension * 5.0 / 6.0));
        for (var t = 0; t < treeCount; t++)
        {
            var rows = new int[n];
            for (var i = 0; i < n; i++)
            {
                rows[i] = random.Next(n);
            }

            trees[t] = Tree.Grow(features, targets, dimension, rows, minLeafSize, featuresPerSplit, random);
        }

        return new RegressionForest(trees);
    }

    /// <summary>Predictive mean and variance at <paramref name="x"/>.</summary>
    public (double Mean, double Variance) Predict(ReadOnlySpan<double> x)
    {
        double sum = 0, sumSecondMoment = 0;
        foreach (var tree in _trees)
        {
            var (mean, variance) = tree.Predict(x);
            sum += mean;
            sumSecondMoment += variance + (mean * mean);
        }

        var mu = sum / _trees.Length;
        return (mu, Math.Max(0, (sumSecondMoment / _trees.Length) - (mu * mu)));
    }

    private sealed class Tree
    {
        private readonly List<Node> _nodes = [];

        public static Tree Grow(double[] x, double[] y, int dimension, int[] rows, int minLeaf, int featuresPerSplit, Random random)
        {
            var tree = new Tree();
            tree.Build(x, y, dimension, rows, 0, rows.Length, minLeaf, featuresPerSplit, random);
            return tree;
        }

        public (double Mean, double Variance) Predict(ReadOnlySpan<double> x)
        {
            var index = 0;
            while (true)
            {
                var node = _nodes[index];
                if (node.Feature < 0)
                {
                    return (node.Mean, node.Variance);
                }

                index = x[node.Feature] <= node.Threshold ? node.Left : node.Right;
            }
        }

        private int Build(double[] x, double[] y, int dimension, int[] rows, int start, int end, int minLeaf, int featuresPerSplit, Random random)
        {
            var count = end - start;
            double sum = 0, sumSquares = 0;
            for (var i = start; i < end; i++)
            {
                sum += y[rows[i]];
                sumSquares += y[rows[i]] * y[rows[i]];
            }

            var mean = sum / count;
            var variance = Math.Max(0, (sumSquares / count) - (mean * mean));
            var nodeIndex = _nodes.Count;
            _nodes.Add(new Node(-1, 0, -1, -1, mean, variance));
            if (count < 2 * minLeaf || variance <= 1e-15)
            {
                return nodeIndex;
            }

            var (feature, threshold) = BestSplit(x, y, dimension, rows, start, end, minLeaf, featuresPerSplit, random);
            if (feature < 0)
            {
                return nodeIndex;
            }

            var middle = Partition(x, dimension, rows, start, end, feature, threshold);
            var left = Build(x, y, dimension, rows, start, middle, minLeaf, featuresPerSplit, random);
            var right = Build(x, y, dimension, rows, middle, end, minLeaf, featuresPerSplit, random);
            _nodes[nodeIndex] = new Node(feature, threshold, left, right, mean, variance);
            return nodeIndex;
        }

        private static (int Feature, double Threshold) BestSplit(
            double[] x, double[] y, int dimension, int[] rows, int start, int end, int minLeaf, int featuresPerSplit, Random random)
        {
            var count = end - start;
            var values = new double[count];
            var sortedTargets = new double[count];
            var bestGain = 1e-12;
            var bestFeature = -1;
            var bestThreshold = 0.0;
            double total = 0;
            for (var i = start; i < end; i++)
            {
                total += y[rows[i]];
            }

            Span<int> features = stackalloc int[dimension];
            for (var f = 0; f < dimension; f++)
            {
                features[f] = f;
            }

            random.Shuffle(features);
            foreach (var feature in features[..featuresPerSplit])
            {
                for (var i = 0; i < count; i++)
                {
                    var row = rows[start + i];
                    values[i] = x[(row * dimension) + feature];
                    sortedTargets[i] = y[row];
                }

                Array.Sort(values, sortedTargets);
                double leftSum = 0;
                for (var i = 0; i < count - 1; i++)
                {
                    leftSum += sortedTargets[i];
                    var leftCount = i + 1;
                    if (leftCount < minLeaf || count - leftCount < minLeaf || values[i] == values[i + 1])
                    {
                        continue;
                    }

                    // SSE reduction = nL·mean_L² + nR·mean_R² − n·mean².
                    var rightSum = total - leftSum;
                    var gain = (leftSum * leftSum / leftCount) + (rightSum * rightSum / (count - leftCount)) - (total * total / count);
                    if (gain > bestGain)
                    {
                        bestGain = gain;
                        bestFeature = feature;
                        bestThreshold = 0.5 * (values[i] + values[i + 1]);
                    }
                }
            }

            return (bestFeature, bestThreshold);
        }

        private static int Partition(double[] x, int dimension, int[] rows, int start, int end, int feature, double threshold)
        {
            var middle = start;
            for (var i = start; i < end; i++)
            {
                if (x[(rows[i] * dimension) + feature] <= threshold)
                {
                    (rows[i], rows[middle]) = (rows[middle], rows[i]);
                    middle++;
                }
            }

            return middle;
        }

        private readonly record struct Node(int Feature, double Threshold, int Left, int Right, double Mean, double Variance);
    }
}
