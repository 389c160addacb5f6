namespace OlnmMl.Onnx.Networks;

/// <summary>
/// Everything needed to write a multi-instance model (OlnmMl.Torch's <c>MilNetwork</c>) as one graph: its
/// trained parameters in PyTorch <c>state_dict</c> naming (<c>encoder.</c>, <c>pooling.</c>, <c>head.</c>), the encoder
/// family, the instance shape [C, H, W] and the pooling name. Written from the model's own description.
/// </summary>
public sealed record MilModelDefinition
{
    /// <summary>All trained parameters and buffers, by their PyTorch names.</summary>
    public required IReadOnlyDictionary<string, ParameterTensor> Weights { get; init; }

    /// <summary>The instance encoder's backbone family (a 2D ResNet or DenseNet, its parameters under <c>encoder.</c>).</summary>
    public required EncoderFamily Family { get; init; }

    /// <summary>Shape of one instance, [C, H, W].</summary>
    public required IReadOnlyList<int> InstanceShape { get; init; }

    /// <summary>Pooling: <c>mean</c>, <c>max</c>, <c>attention</c> or <c>gated-attention</c> (OlnmMl.Torch's MIL pooling names).</summary>
    public required string Pooling { get; init; }

    /// <summary>
    /// Null for a bag-level model (P = σ(head(z))); for an instance-level model, how the instance probabilities
    /// σ(head(hₙ)) become P.
    /// </summary>
    public MilAggregationSpec? InstanceAggregation { get; init; }

    /// <summary>How the instances are made (e.g. the slice recipe), written into the input contract of the metadata.</summary>
    public string InstanceRecipe { get; init; } = string.Empty;

    /// <summary>The encoder's facts not held in its weights: a ResNet's layout (from its architecture row), the BN ε of a ResNet or DenseNet.</summary>
    public ResNetOnnxOptions Layout { get; init; } = new();
}
