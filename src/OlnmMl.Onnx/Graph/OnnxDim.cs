namespace OlnmMl.Onnx.Graph;

/// <summary>
/// One dimension of a declared tensor shape: either a fixed size (<see cref="Value"/> ≥ 0) or a
/// symbolic one (<see cref="Symbol"/>, e.g. <c>"N"</c> for the batch), which ONNX Runtime reports as −1.
/// </summary>
public readonly record struct OnnxDim
{
    private OnnxDim(long value, string? symbol)
    {
        Value = value;
        Symbol = symbol;
    }

    /// <summary>The fixed size, or −1 when the dimension is symbolic.</summary>
    public long Value { get; }

    /// <summary>The symbolic name, or <c>null</c> when the dimension is fixed.</summary>
    public string? Symbol { get; }

    /// <summary>The batch dimension, symbolic <c>"N"</c>.</summary>
    public static OnnxDim Batch { get; } = new(-1, "N");

    /// <summary>A fixed dimension of <paramref name="size"/> elements.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative.</exception>
    public static OnnxDim Fixed(long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        return new OnnxDim(size, null);
    }

    /// <summary>A symbolic dimension called <paramref name="symbol"/>.</summary>
    public static OnnxDim Named(string symbol)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        return new OnnxDim(-1, symbol);
    }

    /// <summary>A fixed dimension.</summary>
    public static implicit operator OnnxDim(long size) => Fixed(size);

    /// <inheritdoc />
    public override string ToString() => Symbol ?? Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
