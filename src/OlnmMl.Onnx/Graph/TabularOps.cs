namespace OlnmMl.Onnx.Graph;

/// <summary>
/// Graph fragments for tabular models over a feature matrix X of shape [N, k]. Each method
/// appends nodes to a builder and returns the name of the value it produces.
/// </summary>
public static class TabularOps
{
    /// <summary>Affine per-slot normalisation y = (x − offset) ⊙ scale, broadcast over rows ([N,k] → [N,k]).</summary>
    /// <exception cref="ArgumentException">The offset and scale lengths differ.</exception>
    public static string Affine(OnnxGraphBuilder g, string x, ReadOnlySpan<float> offset, ReadOnlySpan<float> scale, string hint = "normalized")
    {
        if (offset.Length != scale.Length)
        {
            throw new ArgumentException($"Affine normaliser has {offset.Length} offsets but {scale.Length} scales.", nameof(offset));
        }

        var o = g.AddInitializer(hint + "_offset", offset, [offset.Length]);
        var s = g.AddInitializer(hint + "_scale", scale, [scale.Length]);
        var centred = g.AddNode("Sub", [x, o], hint + "_centred");
        return g.AddNode("Mul", [centred, s], hint);
    }

    /// <summary>
    /// Per-slot replacement of non-finite values: y[:, j] = values[j] where x[:, j] is NaN or ±∞, else x[:, j]
    /// (<c>Where(Or(IsNaN(x), IsInf(x)), values, x)</c>, values broadcast over rows; [N,k] → [N,k]).
    /// </summary>
    public static string ReplaceNonFinite(OnnxGraphBuilder g, string x, ReadOnlySpan<float> values, string hint = "imputed")
    {
        var v = g.AddInitializer(hint + "_values", values, [values.Length]);
        var nan = g.AddNode("IsNaN", [x], hint + "_is_nan");
        var inf = g.AddNode("IsInf", [x], hint + "_is_inf");
        var missing = g.AddNode("Or", [nan, inf], hint + "_missing");
        return g.AddNode("Where", [missing, v, x], hint);
    }

    /// <summary>Keeps the slots <paramref name="indices"/> in that order: y[:, j] = x[:, indices[j]] ([N,k] → [N,|indices|]).</summary>
    /// <exception cref="ArgumentException"><paramref name="indices"/> is empty or has a negative entry.</exception>
    public static string SelectSlots(OnnxGraphBuilder g, string x, ReadOnlySpan<int> indices, string hint = "selected")
    {
        if (indices.IsEmpty)
        {
            throw new ArgumentException("A slot selection must keep at least one slot.", nameof(indices));
        }

        var longs = new long[indices.Length];
        for (var i = 0; i < indices.Length; i++)
        {
            longs[i] = indices[i] >= 0
                ? indices[i]
                : throw new ArgumentException($"Slot index {indices[i]} at position {i} is negative.", nameof(indices));
        }

        var idx = g.AddInitializer(hint + "_indices", longs, [longs.Length]);
        return g.AddNode("Gather", [x, idx], hint, OnnxAttribute.Int("axis", 1));
    }

    /// <summary>Linear score s = X·w + b as a vector ([N,k] → [N]).</summary>
    public static string LinearScore(OnnxGraphBuilder g, string x, ReadOnlySpan<float> weights, float bias, string hint = "score")
    {
        var w = g.AddInitializer(hint + "_weights", weights, [weights.Length, 1]);
        var b = g.AddInitializer(hint + "_bias", [bias], [1]);
        var column = g.AddNode("Gemm", [x, w, b], hint + "_column");
        return Flatten(g, column, hint);
    }

    /// <summary>Platt probability p = 1 / (1 + exp(A·s + B)) = σ(−(A·s + B)) ([N] → [N]).</summary>
    public static string Platt(OnnxGraphBuilder g, string score, double a, double b, string hint = "probability")
    {
        var negA = g.AddScalar(hint + "_neg_a", (float)-a);
        var negB = g.AddScalar(hint + "_neg_b", (float)-b);
        var scaled = g.AddNode("Mul", [score, negA], hint + "_scaled");
        var logit = g.AddNode("Add", [scaled, negB], hint + "_logit");
        return g.AddNode("Sigmoid", [logit], hint);
    }

    /// <summary>Reshapes [N,1] to [N].</summary>
    public static string Flatten(OnnxGraphBuilder g, string column, string hint)
    {
        var shape = g.AddInitializer(hint + "_shape", [-1L], [1]);
        return g.AddNode("Reshape", [column, shape], hint);
    }
}
