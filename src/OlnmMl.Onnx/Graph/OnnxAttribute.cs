using Google.Protobuf;
using OlnmMl.Onnx.Protos;

namespace OlnmMl.Onnx.Graph;

/// <summary>A named node attribute (ONNX <c>AttributeProto</c>); build one with the static factories.</summary>
public sealed class OnnxAttribute
{
    private OnnxAttribute(AttributeProto proto) => Proto = proto;

    internal AttributeProto Proto { get; }

    /// <summary>The attribute's name.</summary>
    public string Name => Proto.Name;

    /// <summary>A 64-bit integer attribute.</summary>
    public static OnnxAttribute Int(string name, long value) =>
        new(new AttributeProto { Name = Checked(name), Type = AttributeProto.Types.AttributeType.Int, I = value });

    /// <summary>A list-of-integers attribute.</summary>
    public static OnnxAttribute Ints(string name, params long[] values)
    {
        var proto = new AttributeProto { Name = Checked(name), Type = AttributeProto.Types.AttributeType.Ints };
        proto.Ints.AddRange(values);
        return new OnnxAttribute(proto);
    }

    /// <summary>A 32-bit float attribute.</summary>
    public static OnnxAttribute Float(string name, float value) =>
        new(new AttributeProto { Name = Checked(name), Type = AttributeProto.Types.AttributeType.Float, F = value });

    /// <summary>A list-of-floats attribute.</summary>
    public static OnnxAttribute Floats(string name, params float[] values)
    {
        var proto = new AttributeProto { Name = Checked(name), Type = AttributeProto.Types.AttributeType.Floats };
        proto.Floats.AddRange(values);
        return new OnnxAttribute(proto);
    }

    /// <summary>A UTF-8 string attribute.</summary>
    public static OnnxAttribute String(string name, string value) =>
        new(new AttributeProto
        {
            Name = Checked(name),
            Type = AttributeProto.Types.AttributeType.String,
            S = ByteString.CopyFromUtf8(value),
        });

    /// <summary>A list-of-strings attribute (each UTF-8).</summary>
    public static OnnxAttribute Strings(string name, params string[] values)
    {
        var proto = new AttributeProto { Name = Checked(name), Type = AttributeProto.Types.AttributeType.Strings };
        foreach (var value in values)
        {
            proto.Strings.Add(ByteString.CopyFromUtf8(value));
        }

        return new OnnxAttribute(proto);
    }

    private static string Checked(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return name;
    }
}
