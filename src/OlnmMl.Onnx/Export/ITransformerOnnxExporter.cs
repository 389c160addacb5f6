using Microsoft.ML;

namespace OlnmMl.Onnx.Export;

/// <summary>Turns one kind of trained ML.NET transformer into graph nodes.</summary>
public interface ITransformerOnnxExporter
{
    /// <summary>Whether this exporter knows <paramref name="transformer"/>'s type.</summary>
    bool CanExport(ITransformer transformer);

    /// <summary>
    /// Appends the transformer's computation to <paramref name="context"/>'s graph, reading its input
    /// columns from the context and binding its outputs (or setting Score/Probability).
    /// </summary>
    void Export(ITransformer transformer, OnnxExportContext context);
}
