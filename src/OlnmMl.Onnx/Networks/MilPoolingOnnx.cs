using OlnmMl.Onnx.Graph;

namespace OlnmMl.Onnx.Networks;

/// <summary>
/// Writes masked MIL pooling (OlnmMl.Torch's <c>MeanPooling</c>, <c>MaxPooling</c>, <c>AttentionPooling</c>) over
/// instance features h [B, N, F] and the instance mask m [B, N] (1 = real instance): mean z = Σₙ mₙhₙ / Σₙ mₙ;
/// max z = maxₙ over real instances (padding set to −∞); attention z = Σₙ aₙhₙ with a = softmaxₙ of eₙ = wᵀ tanh(V hₙ)
/// (gated: wᵀ (tanh(V hₙ) ⊙ σ(U hₙ))), eₙ = −∞ on padding. Parameters <c>attention_V</c>, <c>attention_U</c>,
/// <c>attention_w</c> as in the Torch module.
/// </summary>
public static class MilPoolingOnnx
{
    /// <summary>
    /// Appends the pooling named <paramref name="pooling"/>; <paramref name="flat"/> is h as [B·N, F] (the attention
    /// layers read it), <paramref name="features"/> h as [B, N, F], <paramref name="bagShape"/> the int64 tensor [B, N].
    /// Returns z [B, F].
    /// </summary>
    /// <exception cref="ArgumentException">Unknown pooling name.</exception>
    public static string Append(OnnxGraphBuilder g, string flat, string features, string mask, string bagShape, StateDict weights, string pooling)
    {
        var axis2 = g.AddInitializer("pool_axis2", [2L], [1]);
        string Real() => g.AddNode("Greater", [mask, g.AddScalar("pool_zero", 0f)], "instance_is_real");
        string MinusInfinity() => g.AddScalar("pool_minus_infinity", float.NegativeInfinity);
        switch (pooling.ToLowerInvariant())
        {
            case "mean":
            {
                var m = g.AddNode("Unsqueeze", [mask, axis2], "mask_3d");
                var axis1 = g.AddInitializer("pool_axis1", [1L], [1]);
                var sum = g.AddNode("ReduceSum", [g.AddNode("Mul", [features, m], "masked_features"), axis1], "feature_sum", OnnxAttribute.Int("keepdims", 0));
                var count = g.AddNode("ReduceSum", [m, axis1], "instance_count", OnnxAttribute.Int("keepdims", 0));
                return g.AddNode("Div", [sum, count], "bag_mean");
            }
            case "max":
            {
                var real = g.AddNode("Unsqueeze", [Real(), axis2], "instance_is_real_3d");
                var masked = g.AddNode("Where", [real, features, MinusInfinity()], "masked_features");
                return g.AddNode("ReduceMax", [masked], "bag_max", OnnxAttribute.Ints("axes", 1), OnnxAttribute.Int("keepdims", 0));
            }
            case "attention":
            case "gated-attention":
            {
                var hidden = g.AddNode("Tanh", [NetworkOps.Linear(g, flat, weights, "attention_V")], "attention_tanh");
                if (pooling.Equals("gated-attention", StringComparison.OrdinalIgnoreCase))
                {
                    var gate = g.AddNode("Sigmoid", [NetworkOps.Linear(g, flat, weights, "attention_U")], "attention_gate");
                    hidden = g.AddNode("Mul", [hidden, gate], "attention_gated");
                }
                var logits = g.AddNode("Reshape", [NetworkOps.Linear(g, hidden, weights, "attention_w"), bagShape], "attention_logits");
                var masked = g.AddNode("Where", [Real(), logits, MinusInfinity()], "attention_masked");
                var a = g.AddNode("Softmax", [masked], "attention_weights", OnnxAttribute.Int("axis", 1));
                var weighted = g.AddNode("Mul", [features, g.AddNode("Unsqueeze", [a, axis2], "attention_weights_3d")], "attention_weighted");
                return g.AddNode("ReduceSum", [weighted, g.AddInitializer("pool_axis1", [1L], [1])], "bag_attention", OnnxAttribute.Int("keepdims", 0));
            }
            default:
                throw new ArgumentException($"Unknown MIL pooling '{pooling}'; expected mean, max, attention or gated-attention.", nameof(pooling));
        }
    }
}
