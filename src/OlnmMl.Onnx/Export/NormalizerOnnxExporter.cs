using System.Collections.Immutable;
using Microsoft.ML;
using Microsoft.ML.Transforms;
using OlnmMl.Onnx.Graph;

namespace OlnmMl.Onnx.Export;

/// <summary>
/// Exports ML.NET's <see cref="NormalizingTransformer"/> when every column is affine (min–max,
/// mean–variance, robust scaling): y = (x − offset) ⊙ scale per slot, ML.NET's own formula for
/// <c>AffineNormalizerModelParameters</c> (a missing offset means 0). CDF and binning normalisers
/// are refused with a message naming the column.
/// </summary>
public sealed class NormalizerOnnxExporter : ITransformerOnnxExporter
{
    /// <inheritdoc />
    public bool CanExport(ITransformer transformer) => transformer is NormalizingTransformer;

    /// <inheritdoc />
    public void Export(ITransformer transformer, OnnxExportContext context)
    {
        var normalizer = (NormalizingTransformer)transformer;
        var pairs = OneToOneColumns.Of(normalizer);
        for (var i = 0; i < pairs.Count; i++)
        {
            var (outputColumn, inputColumn) = pairs[i];
            var (input, width) = context.Column(inputColumn);
            var parameters = normalizer.GetNormalizerModelParameters(i);
            (float[] Offset, float[] Scale) affine = parameters switch
            {
                NormalizingTransformer.AffineNormalizerModelParameters<ImmutableArray<float>> v =>
                    (v.Offset.IsDefaultOrEmpty ? new float[v.Scale.Length] : v.Offset.ToArray(), v.Scale.ToArray()),
                NormalizingTransformer.AffineNormalizerModelParameters<float> s => ([s.Offset], [s.Scale]),
                _ => throw new NotSupportedException(
                    $"Normaliser of column '{outputColumn}' is {parameters.GetType().Name}; only affine normalisers export to ONNX."),
            };
            if (affine.Scale.Length != width)
            {
                throw new InvalidOperationException(
                    $"Normaliser of column '{outputColumn}' has {affine.Scale.Length} scales but its input '{inputColumn}' has {width} slots.");
            }

            var output = TabularOps.Affine(context.Graph, input, affine.Offset, affine.Scale, Sanitize(outputColumn) + "_normalized");
            context.Bind(outputColumn, output, width);
        }
    }

    internal static string Sanitize(string column) => new(column.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_').ToArray());
}
