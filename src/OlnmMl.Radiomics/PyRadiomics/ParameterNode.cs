using System.Globalization;
using OlnmMl.Radiomics.Settings;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace OlnmMl.Radiomics.PyRadiomics;

/// <summary>
/// One node of a PyRadiomics parameter file, read as PyYAML reads it: a repeated mapping key keeps its last value
/// (PyRadiomics' own examples repeat keys); each node keeps its position for messages. Typed reads throw
/// <see cref="RadiomicsSettingsException"/> naming the source, the node's line and the key.
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

    /// <summary>A finite number.</summary>
    public double AsDouble(string source, string key) =>
        double.TryParse(AsText(source, key), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw Error(source, key, $"must be a number, got {Describe()}");

    /// <summary>An integer.</summary>
    public int AsInt(string source, string key) =>
        int.TryParse(AsText(source, key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(source, key, $"must be an integer, got {Describe()}");

    /// <summary>A YAML 1.1 boolean, as PyYAML reads it (True/False, yes/no, on/off).</summary>
    public bool AsBool(string source, string key) => AsText(source, key) switch
    {
        "true" or "True" or "TRUE" or "yes" or "Yes" or "on" => true,
        "false" or "False" or "FALSE" or "no" or "No" or "off" => false,
        _ => throw Error(source, key, $"must be True or False, got {Describe()}"),
    };

    /// <summary>A scalar's text.</summary>
    public string AsText(string source, string key) => Scalar ?? throw Error(source, key, $"must be a single value, got {Describe()}");

    /// <summary>A list of numbers (a single number is a list of one).</summary>
    public List<double> AsDoubles(string source, string key) => Items is { } items
        ? items.Select(c => c.IsNull ? throw c.Error(source, key, "has an empty item") : c.AsDouble(source, key)).ToList()
        : [AsDouble(source, key)];

    /// <summary>The node as PyRadiomics users write it: None, a scalar, [a, b], {k: v}.</summary>
    public string Describe() => this switch
    {
        { IsNull: true } => "None",
        { Scalar: { } scalar } => scalar,
        { Items: { } items } => "[" + string.Join(", ", items.Select(i => i.Describe())) + "]",
        _ => "{" + string.Join(", ", Entries!.Select(c => $"{c.Key.Describe()}: {c.Value.Describe()}")) + "}",
    };

    /// <summary>The one-line error "source: line L: 'key' problem.".</summary>
    public RadiomicsSettingsException Error(string source, string key, string problem) =>
        new($"{source}: line {Start.Line}: '{key}' {problem}.");

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
