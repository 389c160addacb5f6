using Microsoft.ML.Trainers.FastTree;

namespace OlnmMl.Onnx.Graph;

/// <summary>
/// An ML.NET <see cref="RegressionTreeEnsemble"/> as one <c>ai.onnx.ml</c> <c>TreeEnsembleRegressor</c> (opset 3):
/// every internal node is <c>BRANCH_LEQ</c> (x[feature] ≤ threshold goes to <c>LeftChild</c>,
/// ML.NET's rule), a child index c &lt; 0 is leaf ~c, leaf weights are the leaf values times the tree weight, and the
/// ensemble's bias is the base value; the sum over trees is the score [N].
/// </summary>
public static class TreeEnsembleOps
{
    /// <summary>Appends the ensemble's score over <paramref name="x"/> [N, <paramref name="width"/>]; returns the score [N].</summary>
    /// <exception cref="NotSupportedException">A tree has a categorical split.</exception>
    /// <exception cref="InvalidOperationException">A split reads a slot at or past <paramref name="width"/>.</exception>
    public static string Score(OnnxGraphBuilder g, string x, int width, RegressionTreeEnsemble ensemble, string hint = "trees_score")
    {
        var nodes = new Nodes();
        for (var t = 0; t < ensemble.Trees.Count; t++)
        {
            nodes.AddTree(t, ensemble.Trees[t], ensemble.TreeWeights[t], width);
        }

        var column = g.AddNode(
            "TreeEnsembleRegressor",
            OnnxGraphBuilder.MlDomain,
            [x],
            [hint + "_column"],
            OnnxAttribute.String("aggregate_function", "SUM"),
            OnnxAttribute.Floats("base_values", (float)ensemble.Bias),
            OnnxAttribute.Int("n_targets", 1),
            OnnxAttribute.Ints("nodes_treeids", [.. nodes.TreeIds]),
            OnnxAttribute.Ints("nodes_nodeids", [.. nodes.NodeIds]),
            OnnxAttribute.Ints("nodes_featureids", [.. nodes.FeatureIds]),
            OnnxAttribute.Floats("nodes_values", [.. nodes.Thresholds]),
            OnnxAttribute.Strings("nodes_modes", [.. nodes.Modes]),
            OnnxAttribute.Ints("nodes_truenodeids", [.. nodes.TrueIds]),
            OnnxAttribute.Ints("nodes_falsenodeids", [.. nodes.FalseIds]),
            OnnxAttribute.Ints("target_treeids", [.. nodes.TargetTreeIds]),
            OnnxAttribute.Ints("target_nodeids", [.. nodes.TargetNodeIds]),
            OnnxAttribute.Ints("target_ids", new long[nodes.TargetNodeIds.Count]),
            OnnxAttribute.Floats("target_weights", [.. nodes.TargetWeights]))[0];
        // ONNX's shape inference (1.12) leaves TreeEnsembleRegressor's output untyped; declare it [N,1] float.
        g.AnnotateShape(column, OnnxElementType.Float, OnnxDim.Batch, 1);
        return TabularOps.Flatten(g, column, hint);
    }

    /// <summary>
    /// The flattened node attributes. Within a tree, internal node i keeps id i and leaf j gets id
    /// (internal count + j), so ids are unique per tree as ONNX requires.
    /// </summary>
    private sealed class Nodes
    {
        public List<long> TreeIds { get; } = [];
        public List<long> NodeIds { get; } = [];
        public List<long> FeatureIds { get; } = [];
        public List<float> Thresholds { get; } = [];
        public List<string> Modes { get; } = [];
        public List<long> TrueIds { get; } = [];
        public List<long> FalseIds { get; } = [];
        public List<long> TargetTreeIds { get; } = [];
        public List<long> TargetNodeIds { get; } = [];
        public List<float> TargetWeights { get; } = [];

        public void AddTree(int tree, RegressionTree regressionTree, double weight, int width)
        {
            var internalCount = regressionTree.NumberOfNodes;
            long Id(int child) => child < 0 ? internalCount + ~child : child;
            for (var i = 0; i < internalCount; i++)
            {
                if (regressionTree.CategoricalSplitFlags[i])
                {
                    throw new NotSupportedException($"Tree {tree} splits node {i} on a categorical feature; only numerical splits export to ONNX.");
                }

                var feature = regressionTree.NumericalSplitFeatureIndexes[i];
                if (feature >= width)
                {
                    throw new InvalidOperationException($"Tree {tree} splits on slot {feature} but the feature column has {width} slots.");
                }

                Add(tree, i, feature, regressionTree.NumericalSplitThresholds[i], "BRANCH_LEQ", Id(regressionTree.LeftChild[i]), Id(regressionTree.RightChild[i]));
            }

            for (var leaf = 0; leaf < regressionTree.NumberOfLeaves; leaf++)
            {
                var id = internalCount + leaf;
                Add(tree, id, 0, 0, "LEAF", 0, 0);
                TargetTreeIds.Add(tree);
                TargetNodeIds.Add(id);
                TargetWeights.Add((float)(regressionTree.LeafValues[leaf] * weight));
            }
        }

        private void Add(int tree, long node, int feature, float threshold, string mode, long trueId, long falseId)
        {
            TreeIds.Add(tree);
            NodeIds.Add(node);
            FeatureIds.Add(feature);
            Thresholds.Add(threshold);
            Modes.Add(mode);
            TrueIds.Add(trueId);
            FalseIds.Add(falseId);
        }
    }
}
