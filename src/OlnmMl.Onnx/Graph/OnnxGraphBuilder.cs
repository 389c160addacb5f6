using System.Runtime.InteropServices;
using Google.Protobuf;
using OlnmMl.Onnx.Protos;

namespace OlnmMl.Onnx.Graph;

/// <summary>
/// Builds one ONNX graph: declared inputs and outputs with shapes, float/int64 initializers
/// (stored little-endian in <c>raw_data</c>), nodes, and intermediate shape annotations.
/// Every value name is unique within the graph: helpers that take a name hint append
/// <c>_1</c>, <c>_2</c>, … when the hint is taken. Nodes must be added in topological order.
/// </summary>
public sealed class OnnxGraphBuilder
{
    /// <summary>The ONNX-ML operator domain (SVMClassifier, LinearClassifier, …).</summary>
    public const string MlDomain = "ai.onnx.ml";

    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly HashSet<string> _domains = new(StringComparer.Ordinal);
    private int _nodeCount;

    /// <summary>Starts an empty graph called <paramref name="name"/>.</summary>
    public OnnxGraphBuilder(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Graph = new GraphProto { Name = name };
    }

    internal GraphProto Graph { get; }

    /// <summary>The operator domains used by the nodes so far ("" is the default <c>ai.onnx</c>).</summary>
    public IReadOnlyCollection<string> Domains => _domains;

    /// <summary>Number of nodes added so far.</summary>
    public int NodeCount => Graph.Node.Count;

    /// <summary>Number of initializer elements (parameters) added so far.</summary>
    public long ParameterCount { get; private set; }

    /// <summary>Declares a graph input called exactly <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The name is already used in this graph.</exception>
    public string AddInput(string name, OnnxElementType type, params OnnxDim[] shape)
    {
        Graph.Input.Add(ValueInfo(Claim(name), type, shape));
        return name;
    }

    /// <summary>
    /// Declares <paramref name="value"/> (an existing value) as a graph output called
    /// <paramref name="name"/>; an <c>Identity</c> node renames it when the names differ.
    /// </summary>
    public void AddOutput(string value, string name, OnnxElementType type, params OnnxDim[] shape)
    {
        RequireKnown(value);
        if (!string.Equals(value, name, StringComparison.Ordinal))
        {
            AddNodeWithOutputs("Identity", [value], [Claim(name)]);
        }

        Graph.Output.Add(ValueInfo(name, type, shape));
    }

    /// <summary>Records the shape of an intermediate value (ONNX <c>value_info</c>) for readers and shape inference.</summary>
    public void AnnotateShape(string value, OnnxElementType type, params OnnxDim[] shape)
    {
        RequireKnown(value);
        Graph.ValueInfo.Add(ValueInfo(value, type, shape));
    }

    /// <summary>Adds a float constant tensor of shape <paramref name="dims"/>; returns its unique name.</summary>
    /// <exception cref="ArgumentException">The element count is not the product of <paramref name="dims"/>.</exception>
    public string AddInitializer(string nameHint, ReadOnlySpan<float> data, ReadOnlySpan<long> dims) =>
        AddRawInitializer(nameHint, MemoryMarshal.AsBytes(data), data.Length, dims, OnnxElementType.Float);

    /// <summary>Adds an int64 constant tensor of shape <paramref name="dims"/>; returns its unique name.</summary>
    /// <exception cref="ArgumentException">The element count is not the product of <paramref name="dims"/>.</exception>
    public string AddInitializer(string nameHint, ReadOnlySpan<long> data, ReadOnlySpan<long> dims) =>
        AddRawInitializer(nameHint, MemoryMarshal.AsBytes(data), data.Length, dims, OnnxElementType.Int64);

    /// <summary>Adds a float scalar constant (shape []); returns its unique name.</summary>
    public string AddScalar(string nameHint, float value) => AddInitializer(nameHint, [value], []);

    /// <summary>
    /// Adds a node of <paramref name="opType"/> with one output named after <paramref name="outputHint"/>;
    /// returns the output's unique name.
    /// </summary>
    public string AddNode(string opType, IReadOnlyList<string> inputs, string outputHint, params OnnxAttribute[] attributes) =>
        AddNodeWithOutputs(opType, inputs, [Unique(outputHint)], attributes, domain: "")[0];

    /// <summary>Adds a node in <paramref name="domain"/> (e.g. <see cref="MlDomain"/>) with one output per hint; returns the outputs' unique names.</summary>
    public IReadOnlyList<string> AddNode(
        string opType,
        string domain,
        IReadOnlyList<string> inputs,
        IReadOnlyList<string> outputHints,
        params OnnxAttribute[] attributes)
    {
        var outputs = outputHints.Select(Unique).ToArray();
        return AddNodeWithOutputs(opType, inputs, outputs, attributes, domain);
    }

    /// <summary>Returns <paramref name="hint"/>, or <paramref name="hint"/> with the first free <c>_k</c> suffix, and reserves it.</summary>
    public string Unique(string hint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hint);
        var name = hint;
        for (var k = 1; _names.Contains(name); k++)
        {
            name = $"{hint}_{k}";
        }

        _names.Add(name);
        return name;
    }

    private IReadOnlyList<string> AddNodeWithOutputs(
        string opType,
        IReadOnlyList<string> inputs,
        IReadOnlyList<string> outputs,
        OnnxAttribute[]? attributes = null,
        string domain = "")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(opType);
        var node = new NodeProto { OpType = opType, Name = $"{opType}_{_nodeCount++}", Domain = domain };
        foreach (var input in inputs)
        {
            // "" marks an omitted optional input in ONNX.
            if (input.Length > 0)
            {
                RequireKnown(input);
            }

            node.Input.Add(input);
        }

        node.Output.AddRange(outputs);
        if (attributes is not null)
        {
            node.Attribute.AddRange(attributes.Select(a => a.Proto));
        }

        _domains.Add(domain);
        Graph.Node.Add(node);
        return outputs;
    }

    private string AddRawInitializer(string nameHint, ReadOnlySpan<byte> bytes, int count, ReadOnlySpan<long> dims, OnnxElementType type)
    {
        long expected = 1;
        foreach (var d in dims)
        {
            expected *= d;
        }

        if (expected != count)
        {
            throw new ArgumentException(
                $"Initializer '{nameHint}' has {count} elements but its shape [{string.Join(",", dims.ToArray())}] needs {expected}.",
                nameof(dims));
        }

        var name = Unique(nameHint);
        var tensor = new TensorProto { Name = name, DataType = (int)type, RawData = ByteString.CopyFrom(bytes) };
        tensor.Dims.AddRange(dims.ToArray());
        Graph.Initializer.Add(tensor);
        ParameterCount += count;
        return name;
    }

    private string Claim(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!_names.Add(name))
        {
            throw new ArgumentException($"The value name '{name}' is already used in graph '{Graph.Name}'.", nameof(name));
        }

        return name;
    }

    private void RequireKnown(string value)
    {
        if (!_names.Contains(value))
        {
            throw new ArgumentException($"Graph '{Graph.Name}' has no value called '{value}' (add the input, initializer or node that makes it first).", nameof(value));
        }
    }

    private static ValueInfoProto ValueInfo(string name, OnnxElementType type, OnnxDim[] shape)
    {
        var tensorShape = new TensorShapeProto();
        foreach (var dim in shape)
        {
            tensorShape.Dim.Add(dim.Symbol is null
                ? new TensorShapeProto.Types.Dimension { DimValue = dim.Value }
                : new TensorShapeProto.Types.Dimension { DimParam = dim.Symbol });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = tensorShape } },
        };
    }
}
