namespace OlnmMl.Onnx.Networks;

/// <summary>How modality features are merged before the head.</summary>
public enum FusionKind
{
    /// <summary>h = [P₁f₁, P₂f₂, …] (concatenation of the, possibly projected, modality features).</summary>
    Concat,

    /// <summary>h = Σₘ Pₘ fₘ (widths must agree after projection).</summary>
    Add,

    /// <summary>h = Σₘ wₘ Pₘ fₘ with learned scalars wₘ.</summary>
    LearnableAdd,
}

/// <summary>The head's final activation, giving the positive-class probability.</summary>
public enum HeadOutput
{
    /// <summary>One logit z: p = σ(z).</summary>
    Sigmoid,

    /// <summary>Two logits z: p = softmax(z)[1].</summary>
    Softmax,
}

/// <summary>
/// A fusion head described by PyTorch parameter names: optional per-modality projections Pₘ
/// (identity where none is named), learned modality weights (LearnableAdd), the merge, then an
/// MLP of Linear layers with ReLU between them. Modalities come in input order: image, [pet,] radiomics.
/// </summary>
public sealed record FusionHeadSpec
{
    /// <summary>How the modalities are merged.</summary>
    public FusionKind Kind { get; init; } = FusionKind.Concat;

    /// <summary>Linear layer names of the MLP in order (e.g. <c>head.0</c>, <c>head.2</c>); ReLU between consecutive layers.</summary>
    public IReadOnlyList<string> Layers { get; init; } = ["fc"];

    /// <summary>The projection Linear of each modality in input order, "" for identity; empty means identity for all.</summary>
    public IReadOnlyList<string> Projections { get; init; } = [];

    /// <summary>For LearnableAdd: the scalar (shape [1] or []) weight parameter of each modality in input order.</summary>
    public IReadOnlyList<string> ModalityWeights { get; init; } = [];

    /// <summary>The final activation.</summary>
    public HeadOutput Output { get; init; } = HeadOutput.Sigmoid;

    /// <summary>
    /// The head of OlnmMl.Torch's <c>FusionNetwork</c> for a published mode name: <c>add*</c>
    /// (d + L(r)), <c>learnable-add*</c> (α d + β L(r)), <c>concat*</c> ([d, L(r)]), <c>concat</c> ([d, r]),
    /// <c>deep-only</c> (d), <c>radiomics-only</c> (r); L = <c>radiomics_projection</c>, α, β = <c>deep_weight</c>, <c>radiomics_weight</c>,
    /// then <c>head</c> (Linear → 2 logits, softmax).
    /// </summary>
    /// <exception cref="ArgumentException">The name is not one of those modes.</exception>
    public static FusionHeadSpec ForFusionNetwork(string mode) => mode.ToLowerInvariant() switch
    {
        "add*" => new() { Kind = FusionKind.Add, Projections = ["", "radiomics_projection"], Layers = ["head"], Output = HeadOutput.Softmax },
        "learnable-add*" => new()
        {
            Kind = FusionKind.LearnableAdd,
            Projections = ["", "radiomics_projection"],
            ModalityWeights = ["deep_weight", "radiomics_weight"],
            Layers = ["head"],
            Output = HeadOutput.Softmax,
        },
        "concat*" => new() { Kind = FusionKind.Concat, Projections = ["", "radiomics_projection"], Layers = ["head"], Output = HeadOutput.Softmax },
        "concat" or "deep-only" or "radiomics-only" => new() { Kind = FusionKind.Concat, Layers = ["head"], Output = HeadOutput.Softmax },
        _ => throw new ArgumentException(
            $"Fusion mode '{mode}' has no ONNX head; known: add*, learnable-add*, concat*, concat, deep-only, radiomics-only.", nameof(mode)),
    };
}
