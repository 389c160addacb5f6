using Microsoft.ML;
using OlnmMl.Learners.Selection;
using OlnmMl.Onnx.Graph;

namespace OlnmMl.Onnx.Export;

/// <summary>
/// Exports OlnmMl.Learners' <see cref="FeatureSelectionTransformer"/> (any selection method):
/// y[:, j] = x[:, SelectedIndices[j]], a Gather on axis 1 that replaces the column.
/// </summary>
public sealed class FeatureSelectionOnnxExporter : ITransformerOnnxExporter
{
    /// <inheritdoc />
    public bool CanExport(ITransformer transformer) => transformer is FeatureSelectionTransformer;

    /// <inheritdoc />
    public void Export(ITransformer transformer, OnnxExportContext context)
    {
        var selection = (FeatureSelectionTransformer)transformer;
        var (input, width) = context.Column(selection.ColumnName);
        if (width != selection.InputSlotNames.Count)
        {
            throw new InvalidOperationException(
                $"Feature selection '{selection.Method}' was fitted on {selection.InputSlotNames.Count} slots but column '{selection.ColumnName}' has {width}.");
        }

        var indices = selection.SelectedIndices.ToArray();
        var output = TabularOps.SelectSlots(context.Graph, input, indices, NormalizerOnnxExporter.Sanitize(selection.ColumnName) + "_selected");
        context.Bind(selection.ColumnName, output, indices.Length);
    }
}
