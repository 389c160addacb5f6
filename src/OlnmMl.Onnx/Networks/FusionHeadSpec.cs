namespace OlnmMl.Onnx.Networks;

/// <summary>How modality features are merged before the head.</summary>
public enum FusionKind
{
    /// <summary>h = [f_image, f_pet?, f_radiomics] (feature concatenation).</summary>
    Concat,

    /// <summary>h = Σₘ Pₘ fₘ (each modality projected by its Linear to a common width, then summed).</summary>
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
/// A fusion head described by PyTorch parameter names: per-modality projections (Add kinds),
/// learned modality weights (LearnableAdd), then an MLP of Linear layers with ReLU between them.
/// </summary>
public sealed record FusionHeadSpec
{
    /// <summary>How the modalities are merged.</summary>
    public FusionKind Kind { get; init; } = FusionKind.Concat;

    /// <summary>Linear layer names of the MLP in order (e.g. <c>head.0</c>, <c>head.2</c>); ReLU between consecutive layers.</summary>
    public IReadOnlyList<string> Layers { get; init; } = ["fc"];

    /// <summary>For Add kinds: the projection Linear of each modality in input order (image, [pet,] radiomics).</summary>
    public IReadOnlyList<string> Projections { get; init; } = [];

    /// <summary>For LearnableAdd: the scalar (shape [1] or []) weight parameter of each modality in input order.</summary>
    public IReadOnlyList<string> ModalityWeights { get; init; } = [];

    /// <summary>The final activation.</summary>
    public HeadOutput Output { get; init; } = HeadOutput.Sigmoid;
}
