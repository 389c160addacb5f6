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

        var h = spec.Kind switch
        {
            FusionKind.Concat => modalities.Count == 1 ? modalities[0] : g.AddNode("Concat", modalities, "fused", OnnxAttribute.Int("axis", 1)),
            _ => Sum(g, modalities, weights, spec),
        };
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

    private static string Sum(OnnxGraphBuilder g, IReadOnlyList<string> modalities, StateDict weights, FusionHeadSpec spec)
    {
        if (spec.Projections.Count != modalities.Count)
        {
            throw new ArgumentException(
                $"{spec.Kind} fusion of {modalities.Count} modalities needs {modalities.Count} projections; {spec.Projections.Count} were named.", nameof(spec));
        }

        if (spec.Kind == FusionKind.LearnableAdd && spec.ModalityWeights.Count != modalities.Count)
        {
            throw new ArgumentException(
                $"Learnable-add fusion of {modalities.Count} modalities needs {modalities.Count} weights; {spec.ModalityWeights.Count} were named.", nameof(spec));
        }

        string? sum = null;
        for (var m = 0; m < modalities.Count; m++)
        {
            var term = NetworkOps.Linear(g, modalities[m], weights, spec.Projections[m]);
            if (spec.Kind == FusionKind.LearnableAdd)
            {
                var w = weights.Get(spec.ModalityWeights[m]);
                if (w.Data.Length != 1)
                {
                    throw new ArgumentException($"Modality weight '{weights.Prefix}{spec.ModalityWeights[m]}' must be a scalar; it has {w.Data.Length} values.", nameof(weights));
                }

                term = g.AddNode("Mul", [term, g.AddScalar(weights.Prefix + spec.ModalityWeights[m], w.Data[0])], term + "_weighted");
            }

            sum = sum is null ? term : g.AddNode("Add", [sum, term], "fused");
        }

        return sum!;
    }
}
