using OlnmMl.Onnx.Graph;

namespace OlnmMl.Onnx.Export;

/// <summary>Options of <see cref="TabularPipelineExporter"/>.</summary>
public sealed record TabularExportOptions
{
    /// <summary>The ML.NET column (a known-size Single vector) that the chain reads its features from.</summary>
    public string FeatureColumnName { get; init; } = "Features";

    /// <summary>The graph input's name; the contract of the whole pipeline calls it <c>radiomics</c>.</summary>
    public string InputName { get; init; } = "radiomics";

    /// <summary>Name of every feature slot in order (stored in the input contract); empty when unnamed.</summary>
    public IReadOnlyList<string> FeatureNames { get; init; } = [];

    /// <summary>Provenance to store; the input and output contracts are filled in by the exporter.</summary>
    public OnnxModelMetadata Metadata { get; init; } = new();

    /// <summary>Exporters tried before the built-in ones (for custom transformers).</summary>
    public IReadOnlyList<ITransformerOnnxExporter> AdditionalExporters { get; init; } = [];
}
