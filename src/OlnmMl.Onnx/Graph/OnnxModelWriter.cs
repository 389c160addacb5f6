using Google.Protobuf;
using OlnmMl.Onnx.Protos;

namespace OlnmMl.Onnx.Graph;

/// <summary>
/// Wraps a built graph into an ONNX <c>ModelProto</c> (IR version <see cref="IrVersion"/>, opset
/// <see cref="Opset"/> of <c>ai.onnx</c> and <see cref="MlOpset"/> of <c>ai.onnx.ml</c> when used)
/// with the metadata as <c>metadata_props</c>, and serialises it.
/// </summary>
public static class OnnxModelWriter
{
    /// <summary>
    /// ONNX IR version written: 8, the one opset 17 belongs to (ONNX 1.12), so the checker of ONNX 1.12
    /// (Debian 12's <c>python3-onnx</c>) accepts our files; a newer IR would buy nothing the graphs use.
    /// </summary>
    public const long IrVersion = 8;

    /// <summary>Default-domain opset written (17: first with LayerNormalization).</summary>
    public const long Opset = 17;

    /// <summary><c>ai.onnx.ml</c> opset written when a node uses that domain.</summary>
    public const long MlOpset = 3;

    /// <summary>Producer name written into the model.</summary>
    public const string ProducerName = "OlnmMl";

    /// <summary>Serialises <paramref name="graph"/> with <paramref name="metadata"/> to ONNX protobuf bytes.</summary>
    public static byte[] ToBytes(OnnxGraphBuilder graph, OnnxModelMetadata metadata) => Build(graph, metadata).ToByteArray();

    /// <summary>Writes the model to <paramref name="path"/> (creating its folder) and returns the file size in bytes.</summary>
    public static long Write(OnnxGraphBuilder graph, OnnxModelMetadata metadata, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var model = Build(graph, metadata);
        DurableFile.Write(path, model.WriteTo);

        return new FileInfo(path).Length;
    }

    internal static ModelProto Build(OnnxGraphBuilder graph, OnnxModelMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(metadata);
        if (graph.Graph.Output.Count == 0)
        {
            throw new InvalidOperationException($"Graph '{graph.Graph.Name}' declares no output; call AddOutput before writing.");
        }

        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = ProducerName,
            ProducerVersion = typeof(OnnxModelWriter).Assembly.GetName().Version?.ToString() ?? "0",
            Domain = "org.olnmml",
            ModelVersion = 1,
            Graph = graph.Graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
        if (graph.Domains.Contains(OnnxGraphBuilder.MlDomain))
        {
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = OnnxGraphBuilder.MlDomain, Version = MlOpset });
        }

        foreach (var (key, value) in metadata.ToProperties())
        {
            model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        }

        return model;
    }
}
