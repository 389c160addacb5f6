using Microsoft.ML;
using OlnmMl.Learners.Data;
using OlnmMl.Learners.Selection;

namespace OlnmMl.Learners.Imputation;

/// <summary>
/// Fits, on the rows it is given (pass training rows only), one replacement value per slot of the feature column: the
/// median or mean (<see cref="ImputeOptions.Method"/>) of that slot's finite values. The fitted
/// <see cref="ImputeTransformer"/> replaces NaN, +∞ and −∞ by it. A slot with no finite training value is an error
/// naming it (drop it first, e.g. with <see cref="FiniteNonConstantSelectionOptions"/>).
/// </summary>
/// <param name="options">The column and the statistic.</param>
public sealed class ImputeEstimator(ImputeOptions options) : IEstimator<ImputeTransformer>
{
    /// <summary>Computes the replacement value of every slot on <paramref name="input"/>.</summary>
    /// <exception cref="ArgumentException">When the column is missing or a slot has no finite value.</exception>
    public ImputeTransformer Fit(IDataView input)
    {
        var m = DenseFeatureMatrix.Read(input, options.FeatureColumnName, null, requireFinite: false);
        var values = new float[m.Features];
        var column = new double[m.Rows];
        for (int j = 0; j < m.Features; j++)
        {
            m.CopyColumn(j, column);
            var finite = column.Where(double.IsFinite).Select(v => (float)v).ToArray();
            if (finite.Length == 0)
                throw new ArgumentException($"Column '{options.FeatureColumnName}', slot '{m.SlotNames[j]}' has no finite value on the training rows, so nothing to impute from; drop it first.", nameof(input));
            values[j] = options.Method == ImputationMethod.Median ? ColumnStatistics.Median(finite) : (float)finite.Average(v => (double)v);
        }
        return new ImputeTransformer(options.Method, options.FeatureColumnName, m.SlotNames, values);
    }

    /// <summary>The input shape (the column keeps its name, type and slot names).</summary>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        if (inputSchema.All(c => c.Name != options.FeatureColumnName))
            throw new ArgumentException($"Feature column '{options.FeatureColumnName}' is not in the input schema.", nameof(inputSchema));
        return inputSchema;
    }
}
