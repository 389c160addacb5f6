using OlnmMl.Onnx.Graph;

namespace OlnmMl.Onnx.Networks;

/// <summary>Writes a <see cref="FusionHeadSpec"/> over modality feature values [N,wₘ] and returns the probability [N].</summary>
public static class FusionHeadOnnx
{
    /// <summary>
    /// Merges <paramref name="modalities"/> (Concat, Add or LearnableAdd), applies the MLP, and maps the logits to p:
    /// σ(z) for one logit, softmax(z)[1] for two.
    /// </summary>
    /// <exception cref="ArgumentException">The projection or weight lists do not match the modality count.</exception>
    public static string Append(OnnxGraphBuilder g, IReadOnlyList<string> modalities, StateDict weights, FusionHeadSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (modalities.Count == 0)
        {
            throw new ArgumentException("A fusion head needs at least one modality.", nameof(modalities));
        }

        if (spec.Projections.Count != 0 && spec.Projections.Count != modalities.Count)
        {
            throw new ArgumentException(
                $"{modalities.Count} modalities need {modalities.Count} projection names (\"\" for identity); {spec.Projections.Count} were given.", nameof(spec));
        }

        if (spec.Kind == FusionKind.LearnableAdd && spec.ModalityWeights.Count != modalities.Count)
        {
            throw new ArgumentException(
                $"Learnable-add fusion of {modalities.Count} modalities needs {modalities.Count} weights; {spec.ModalityWeights.Count} were named.", nameof(spec));
        }

        var terms = new List<string>(modalities.Count);
        for (var m = 0; m < modalities.Count; m++)
        {
            var term = spec.Projections.Count == 0 || spec.Projections[m].Length == 0
                ? modalities[m]
                : NetworkOps.Linear(g, modalities[m], weights, spec.Projections[m]);
            if (spec.Kind == FusionKind.LearnableAdd)
            {
                term = g.AddNode("Mul", [term, Scalar(g, weights, spec.ModalityWeights[m])], term + "_weighted");
            }

            terms.Add(term);
        }

        var h = terms.Count == 1
            ? terms[0]
            : spec.Kind == FusionKind.Concat
                ? g.AddNode("Concat", terms, "fused", OnnxAttribute.Int("axis", 1))
                : terms.Skip(1).Aggregate(terms[0], (sum, t) => g.AddNode("Add", [sum, t], "fused"));
        for (var i = 0; i < spec.Layers.Count; i++)
        {
            h = NetworkOps.Linear(g, h, weights, spec.Layers[i]);
            if (i < spec.Layers.Count - 1)
            {
                h = NetworkOps.Relu(g, h);
            }
        }

        var shape = g.AddInitializer("probability_shape", [-1L], [1]);
        if (spec.Output == HeadOutput.Sigmoid)
        {
            return g.AddNode("Reshape", [g.AddNode("Sigmoid", [h], "head_sigmoid"), shape], "head_probability");
        }

        var softmax = g.AddNode("Softmax", [h], "head_softmax", OnnxAttribute.Int("axis", 1));
        var positive = g.AddInitializer("positive_class", [1L], [1]);
        var column = g.AddNode("Gather", [softmax, positive], "head_positive", OnnxAttribute.Int("axis", 1));
        return g.AddNode("Reshape", [column, shape], "head_probability");
    }

    private static string Scalar(OnnxGraphBuilder g, StateDict weights, string name)
    {
        var w = weights.Get(name);
        return w.Data.Length == 1
            ? g.AddScalar(weights.Prefix + name, w.Data[0])
            : throw new ArgumentException($"Modality weight '{weights.Prefix}{name}' must be a scalar; it has {w.Data.Length} values.", nameof(name));
    }
}
