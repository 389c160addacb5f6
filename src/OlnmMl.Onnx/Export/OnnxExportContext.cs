using OlnmMl.Onnx.Graph;

namespace OlnmMl.Onnx.Export;

/// <summary>
/// The state an exporter works on while a trained ML.NET chain is turned into one graph: the
/// graph, which ONNX value currently holds each ML.NET column, and the scalar-per-row
/// <see cref="Score"/> and <see cref="Probability"/> values a predictor leaves behind.
/// </summary>
public sealed class OnnxExportContext
{
    private readonly Dictionary<string, (string Value, int Width)> _columns = new(StringComparer.Ordinal);

    /// <summary>Starts a context on <paramref name="graph"/>.</summary>
    public OnnxExportContext(OnnxGraphBuilder graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        Graph = graph;
    }

    /// <summary>The graph being built.</summary>
    public OnnxGraphBuilder Graph { get; }

    /// <summary>The value holding the raw decision score [N], once a predictor has been exported.</summary>
    public string? Score { get; set; }

    /// <summary>The value holding the positive-class probability [N], once a calibrated predictor has been exported.</summary>
    public string? Probability { get; set; }

    /// <summary>Binds ML.NET column <paramref name="column"/> to graph value <paramref name="value"/> of shape [N, <paramref name="width"/>].</summary>
    public void Bind(string column, string value, int width)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(column);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        _columns[column] = (value, width);
    }

    /// <summary>The graph value and width bound to <paramref name="column"/>.</summary>
    /// <exception cref="InvalidOperationException">No earlier step produced the column.</exception>
    public (string Value, int Width) Column(string column) =>
        _columns.TryGetValue(column, out var bound)
            ? bound
            : throw new InvalidOperationException(
                $"Column '{column}' is not available in the ONNX graph; available: {string.Join(", ", _columns.Keys)}.");
}
