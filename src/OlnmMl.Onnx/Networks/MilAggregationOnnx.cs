using OlnmMl.Onnx.Graph;

namespace OlnmMl.Onnx.Networks;

/// <summary>Writes a <see cref="MilAggregationSpec"/> over instance probabilities p [B, N] and the mask m [B, N]; returns P [B].</summary>
public static class MilAggregationOnnx
{
    /// <summary>Appends the aggregation of <paramref name="spec"/>.</summary>
    /// <exception cref="ArgumentException">Unknown kind, or a histogram without K idf values and K weights.</exception>
    public static string Append(OnnxGraphBuilder g, string probabilities, string mask, MilAggregationSpec spec)
    {
        var axis1 = g.AddInitializer("aggregation_axis1", [1L], [1]);
        switch (spec.Kind.ToLowerInvariant())
        {
            case "mean":
            {
                var sum = g.AddNode("ReduceSum", [g.AddNode("Mul", [probabilities, mask], "masked_probabilities"), axis1], "probability_sum", OnnxAttribute.Int("keepdims", 0));
                var count = g.AddNode("ReduceSum", [mask, axis1], "instance_count", OnnxAttribute.Int("keepdims", 0));
                return g.AddNode("Div", [sum, count], "mean_probability");
            }
            case "max":
            {
                var real = g.AddNode("Greater", [mask, g.AddScalar("aggregation_zero", 0f)], "instance_is_real");
                var masked = g.AddNode("Where", [real, probabilities, g.AddScalar("aggregation_minus_infinity", float.NegativeInfinity)], "masked_probabilities");
                return g.AddNode("ReduceMax", [masked], "max_probability", OnnxAttribute.Ints("axes", 1), OnnxAttribute.Int("keepdims", 0));
            }
            case "histogram":
                return Histogram(g, probabilities, mask, spec, axis1);
            default:
                throw new ArgumentException($"Unknown MIL aggregation '{spec.Kind}'; expected mean, max or histogram.", nameof(spec));
        }
    }

    private static string Histogram(OnnxGraphBuilder g, string probabilities, string mask, MilAggregationSpec spec, string axis1)
    {
        var idf = spec.InverseDocumentFrequencies ?? [];
        var weights = spec.Weights ?? [];
        int bins = idf.Count;
        if (bins == 0 || weights.Count != bins)
        {
            throw new ArgumentException($"A histogram aggregation needs K idf values and K weights; it has {idf.Count} and {weights.Count}.", nameof(spec));
        }

        var axis2 = g.AddInitializer("aggregation_axis2", [2L], [1]);
        var scaled = g.AddNode("Mul", [probabilities, g.AddScalar("bin_count", bins)], "probability_times_k");
        var bin = g.AddNode("Min", [g.AddNode("Floor", [scaled], "bin_floor"), g.AddScalar("last_bin", bins - 1)], "bin");
        var binValues = g.AddInitializer("bin_values", Enumerable.Range(0, bins).Select(k => (float)k).ToArray(), [bins]);
        var oneHot = g.AddNode("Cast", [g.AddNode("Equal", [g.AddNode("Unsqueeze", [bin, axis2], "bin_3d"), binValues], "bin_one_hot")], "bin_one_hot_float", OnnxAttribute.Int("to", 1));
        var counted = g.AddNode("Mul", [oneHot, g.AddNode("Unsqueeze", [mask, axis2], "mask_3d")], "real_one_hot");
        var counts = g.AddNode("ReduceSum", [counted, axis1], "bin_counts", OnnxAttribute.Int("keepdims", 0));
        var total = g.AddNode("ReduceSum", [counts, axis1], "instance_total", OnnxAttribute.Int("keepdims", 1));
        var tfIdf = g.AddNode("Mul", [g.AddNode("Div", [counts, total], "term_frequency"), g.AddInitializer("idf", idf.Select(v => (float)v).ToArray(), [bins])], "tf_idf");
        var norm = g.AddNode("Sqrt", [g.AddNode("ReduceSum", [g.AddNode("Mul", [tfIdf, tfIdf], "tf_idf_squared"), axis1], "tf_idf_norm_squared", OnnxAttribute.Int("keepdims", 1))], "tf_idf_norm");
        var t = g.AddNode("Div", [tfIdf, norm], "tf_idf_unit");
        var w = g.AddInitializer("histogram_weights", weights.Select(v => (float)v).ToArray(), [bins, 1]);
        var z = g.AddNode("Add", [g.AddNode("MatMul", [t, w], "histogram_logit_raw"), g.AddScalar("histogram_bias", (float)spec.Bias)], "histogram_logit");
        var p = g.AddNode("Sigmoid", [z], "histogram_probability_column");
        return g.AddNode("Reshape", [p, g.AddInitializer("histogram_probability_shape", [-1L], [1])], "histogram_probability");
    }
}
