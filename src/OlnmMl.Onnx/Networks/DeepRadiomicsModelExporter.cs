using Microsoft.ML;
using OlnmMl.Onnx.Export;
using OlnmMl.Onnx.Graph;

namespace OlnmMl.Onnx.Networks;

/// <summary>
/// Writes a deep + radiomics (DLRad) signature as one ONNX graph: a MIL network's pooled bag features
/// (<see cref="MilModelExporter.AppendBagFeatures"/>) placed after the raw radiomics vector, x = [radiomics, z], then the
/// fitted tabular model (its normalisation, selection and calibrated classifier, <see cref="TabularPipelineExporter.AppendModel"/>)
/// on x. Inputs <c>instances</c> [B, N, C, H, W], <c>instance_mask</c> [B, N] and <c>radiomics</c> [B, R]; output
/// <c>probability</c> [B].
/// </summary>
public static class DeepRadiomicsModelExporter
{
    /// <summary>Name of the radiomics input.</summary>
    public const string RadiomicsInput = "radiomics";

    /// <summary>Builds the graph of <paramref name="network"/> feeding <paramref name="model"/>, which reads a vector column <paramref name="column"/> of R + F slots.</summary>
    /// <exception cref="NotSupportedException">A step of <paramref name="model"/> has no exporter.</exception>
    public static OnnxGraphBuilder BuildGraph(MilModelDefinition network, IReadOnlyList<string> radiomicsNames, ITransformer model, string column)
    {
        ArgumentNullException.ThrowIfNull(radiomicsNames);
        var g = new OnnxGraphBuilder("olnm_deep_radiomics");
        var bag = MilModelExporter.AppendBagFeatures(g, network);
        var radiomics = g.AddInput(RadiomicsInput, OnnxElementType.Float, OnnxDim.Named("B"), radiomicsNames.Count);
        var features = g.AddNode("Concat", [radiomics, bag.BagFeatures], "deep_radiomics_features", OnnxAttribute.Int("axis", 1));
        var probability = TabularPipelineExporter.AppendModel(g, model, column, features, radiomicsNames.Count + bag.Width);
        g.AddOutput(probability, MilModelExporter.ProbabilityOutput, OnnxElementType.Float, OnnxDim.Named("B"));
        return g;
    }

    /// <summary>Writes the graph with its input/output contracts added to <paramref name="metadata"/>; returns the file size in bytes.</summary>
    public static long Export(MilModelDefinition network, IReadOnlyList<string> radiomicsNames, ITransformer model, string column, OnnxModelMetadata metadata, string path)
    {
        var g = BuildGraph(network, radiomicsNames, model, column);
        var full = metadata with
        {
            Inputs = [.. MilModelExporter.InputContracts(network), new OnnxTensorContract(RadiomicsInput, [-1, radiomicsNames.Count], radiomicsNames, "raw radiomics features (normalised inside the graph)")],
            Outputs = [new OnnxTensorContract(MilModelExporter.ProbabilityOutput, [-1], [], "positive-class (pN+) probability per patient")],
        };
        return OnnxModelWriter.Write(g, full, path);
    }
}
