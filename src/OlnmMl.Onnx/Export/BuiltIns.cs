namespace OlnmMl.Onnx.Export;

/// <summary>The exporters <see cref="TabularPipelineExporter"/> knows without being told.</summary>
internal static class BuiltIns
{
    public static IReadOnlyList<ITransformerOnnxExporter> All { get; } =
    [
        new NormalizerOnnxExporter(),
        new LinearBinaryOnnxExporter(),
        new KernelSvmOnnxExporter(),
        new FeatureSelectionOnnxExporter(),
        new ImputeOnnxExporter(),
        new ClinicalLogisticOnnxExporter(),
        new TreeEnsembleOnnxExporter(),
    ];
}
