using Microsoft.ML;
using OlnmMl.Learners.Imputation;
using OlnmMl.Onnx.Graph;

namespace OlnmMl.Onnx.Export;

/// <summary>
/// Exports OlnmMl.Learners' <see cref="ImputeTransformer"/>: y[:, j] = Values[j] where x[:, j] is NaN or ±∞, else
/// x[:, j] (<see cref="TabularOps.ReplaceNonFinite"/>), replacing the column.
/// </summary>
public sealed class ImputeOnnxExporter : ITransformerOnnxExporter
{
    /// <inheritdoc />
    public bool CanExport(ITransformer transformer) => transformer is ImputeTransformer;

    /// <inheritdoc />
    public void Export(ITransformer transformer, OnnxExportContext context)
    {
        var impute = (ImputeTransformer)transformer;
        var (input, width) = context.Column(impute.ColumnName);
        if (width != impute.Values.Count)
        {
            throw new InvalidOperationException(
                $"Imputation was fitted on {impute.Values.Count} slots but column '{impute.ColumnName}' has {width}.");
        }

        var output = TabularOps.ReplaceNonFinite(context.Graph, input, [.. impute.Values], NormalizerOnnxExporter.Sanitize(impute.ColumnName) + "_imputed");
        context.Bind(impute.ColumnName, output, width);
    }
}
