using Microsoft.ML;
using OlnmMl.Learners.Data;

namespace OlnmMl.Learners.Clinical;

/// <summary>
/// Fits the multivariable clinical logistic model (<see cref="LogisticRegression"/>) on a predictor vector column,
/// after the optional univariable screen and backward elimination of <see cref="ClinicalSignature"/>; the slot names
/// become the variable names of the table. Feeding a <c>Concatenate</c> of several models' score columns (and the
/// clinical variables) gives the stacked "combined signature" of the clinical papers.
/// </summary>
public sealed class ClinicalLogisticTrainer : IEstimator<ClinicalLogisticTransformer>
{
    private readonly ClinicalLogisticOptions _options;

    /// <summary>Creates the trainer; options are validated now.</summary>
    public ClinicalLogisticTrainer(ClinicalLogisticOptions options)
    {
        options.Validate();
        _options = options;
    }

    /// <summary>Fits the model on <paramref name="input"/> (training rows).</summary>
    public ClinicalLogisticTransformer Fit(IDataView input)
    {
        var m = DenseFeatureMatrix.Read(input, _options.FeatureColumnName, _options.LabelColumnName);
        return new ClinicalLogisticTransformer(_options.FeatureColumnName, ClinicalSignature.Fit(m, _options));
    }

    /// <summary>The input shape plus Score, Probability and PredictedLabel.</summary>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        if (inputSchema.All(c => c.Name != _options.FeatureColumnName))
            throw new ArgumentException($"Feature column '{_options.FeatureColumnName}' is not in the input schema.", nameof(inputSchema));
        return RowMapping.AppendShape(inputSchema, ClinicalLogisticTransformer.OutputColumns);
    }

    /// <summary>
    /// Univariable table: one logistic regression per slot of the predictor column (each row of the result is that
    /// variable's own model; null where it cannot be fitted), as the first block of a clinical baseline table.
    /// </summary>
    public static IReadOnlyList<LogisticCoefficient?> UnivariableTable(IDataView data, ClinicalLogisticOptions options)
    {
        options.Validate();
        return UnivariableLogistic.Fit(DenseFeatureMatrix.Read(data, options.FeatureColumnName, options.LabelColumnName), options.ConfidenceLevel, options.MaxIterations);
    }
}
