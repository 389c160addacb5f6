using Microsoft.ML;
using OlnmMl.Learners.Data;

namespace OlnmMl.Learners.Selection;

/// <summary>
/// Fits a feature selection (the method is the options type) on the rows it is given — pass training rows only —
/// and returns a <see cref="FeatureSelectionTransformer"/>. NaN/±∞ features are rejected naming column, slot and row
/// (except by <see cref="FiniteNonConstantSelectionOptions"/>, whose rule is about them).
/// </summary>
public sealed class FeatureSelectionEstimator : IEstimator<FeatureSelectionTransformer>
{
    private readonly FeatureSelectionOptions _options;

    /// <summary>Creates the estimator; options are validated now.</summary>
    public FeatureSelectionEstimator(FeatureSelectionOptions options)
    {
        options.Validate();
        _options = options;
    }

    /// <summary>Scores the features of <paramref name="input"/> and keeps the selected slots.</summary>
    public FeatureSelectionTransformer Fit(IDataView input)
    {
        var m = DenseFeatureMatrix.Read(input, _options.FeatureColumnName, _options.NeedsLabels ? _options.LabelColumnName : null, _options.NeedsFiniteValues);
        if (m.Labels is { } labels && (labels.All(l => l) || !labels.Any(l => l)))
            throw new ArgumentException($"Label column '{_options.LabelColumnName}' has only one class; '{_options.MethodName}' needs both.", nameof(input));
        var result = _options.Select(m);
        return new FeatureSelectionTransformer(_options.MethodName, _options.FeatureColumnName, m.SlotNames, result.Selected, result.Scores);
    }

    /// <summary>The input shape (the feature column keeps its name, type kind and slot names; its size shrinks).</summary>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        if (inputSchema.All(c => c.Name != _options.FeatureColumnName))
            throw new ArgumentException($"Feature column '{_options.FeatureColumnName}' is not in the input schema.", nameof(inputSchema));
        return inputSchema;
    }
}
