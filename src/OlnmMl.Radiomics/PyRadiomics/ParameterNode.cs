using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace OlnmMl.Radiomics.PyRadiomics;

/// <summary>
/// One node of a PyRadiomics parameter file, read as PyYAML reads it: a repeated mapping key keeps its last value
/// (PyRadiomics' own examples repeat keys); each node keeps its position for messages.
/// </summary>
internal sealed class ParameterNode
{
    private ParameterNode(Mark start) => Start = start;

    /// <summary>Where the node starts (1-based line).</summary>
    public Mark Start { get; }

    /// <summary>The text of a scalar, else null.</summary>
    public string? Scalar { get; private init; }

    /// <summary>The items of a sequence, else null.</summary>
    public List<ParameterNode>? Items { get; private init; }

    /// <summary>The entries of a mapping in file order (a repeated key in its last place), else null.</summary>
    public List<(ParameterNode Key, ParameterNode Value)>? Entries { get; private init; }

    /// <summary>True for YAML's null: an empty plain scalar, ~ or null.</summary>
    public bool IsNull { get; private init; }

    /// <summary>The first document of <paramref name="yaml"/>, or null when it has none.</summary>
    /// <exception cref="YamlException">Malformed YAML, or an alias.</exception>
    public static ParameterNode? Read(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        parser.Consume<StreamStart>();
        if (parser.TryConsume<StreamEnd>(out _))
        {
            return null;
        }

        parser.Consume<DocumentStart>();
        return Node(parser);
    }

    private static ParameterNode Node(IParser parser)
    {
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            var isNull = scalar.Style == ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL";
            return new ParameterNode(scalar.Start) { Scalar = scalar.Value, IsNull = isNull };
        }

        if (parser.TryConsume<SequenceStart>(out var sequence))
        {
            var items = new List<ParameterNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(Node(parser));
            }

            return new ParameterNode(sequence.Start) { Items = items };
        }

        if (parser.TryConsume<MappingStart>(out var mapping))
        {
            var entries = new List<(ParameterNode Key, ParameterNode Value)>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = Node(parser);
                var value = Node(parser);
                entries.RemoveAll(e => e.Key.Scalar is not null && e.Key.Scalar == key.Scalar);
                entries.Add((key, value));
            }

            return new ParameterNode(mapping.Start) { Entries = entries };
        }

        var current = parser.Current!;
        throw new YamlException(current.Start, current.End, "anchors and aliases are not supported in a PyRadiomics parameter file");
    }
}
