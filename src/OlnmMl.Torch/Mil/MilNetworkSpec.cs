using OlnmMl.Torch.Networks;

namespace OlnmMl.Torch.Mil;

/// <summary>
/// The one description of a multi-instance network, stored with every saved model and read by the ONNX exporter:
/// the instance encoder (a 2D network of <see cref="NetworkCatalog"/>), the explicit instance shape [C, H, W], the
/// pooling and the attention hidden width L. Nothing about a network is recovered from its weights.
/// </summary>
public sealed record MilNetworkSpec
{
    /// <summary>Instance encoder: a 2D network of <see cref="NetworkCatalog.Names2d"/> (e.g. <c>resnet18-2d</c>).</summary>
    public required string Architecture { get; init; }

    /// <summary>Shape of one instance, [C, H, W].</summary>
    public required IReadOnlyList<int> InstanceShape { get; init; }

    /// <summary>Pooling name (<see cref="MilPoolingNames.All"/>).</summary>
    public required string Pooling { get; init; }

    /// <summary>Hidden width L of attention pooling (unused by mean and max).</summary>
    public int AttentionWidth { get; init; } = 128;

    /// <summary>The parsed <see cref="Pooling"/>.</summary>
    public MilPoolingKind PoolingKind => MilPoolingNames.Parse(Pooling);

    /// <summary>Floats in one instance: C·H·W.</summary>
    public int InstanceLength => InstanceShape.Aggregate(1, (a, b) => a * b);

    /// <summary>Checks every invariant, naming the one broken.</summary>
    /// <exception cref="ArgumentException">An architecture that is not a 2D catalog network, an unknown pooling, a shape that is not [C, H, W] with positive sizes, or L &lt; 1.</exception>
    public void Validate()
    {
        if (!NetworkCatalog.Names2d.Contains(Architecture.ToLowerInvariant()))
        {
            throw new ArgumentException($"A MIL instance encoder must be a 2D network; '{Architecture}' is not one of {string.Join(", ", NetworkCatalog.Names2d)}.");
        }
        if (InstanceShape.Count != 3 || InstanceShape.Any(d => d < 1))
        {
            throw new ArgumentException($"The instance shape must be [C, H, W] with positive sizes; it is [{string.Join(", ", InstanceShape)}].");
        }
        _ = PoolingKind;
        if (AttentionWidth < 1)
        {
            throw new ArgumentException($"The attention width must be at least 1; it is {AttentionWidth}.");
        }
    }

    /// <inheritdoc />
    public bool Equals(MilNetworkSpec? other) =>
        other is not null && Architecture == other.Architecture && InstanceShape.SequenceEqual(other.InstanceShape)
        && Pooling == other.Pooling && AttentionWidth == other.AttentionWidth;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Architecture, InstanceLength, Pooling, AttentionWidth);
}
