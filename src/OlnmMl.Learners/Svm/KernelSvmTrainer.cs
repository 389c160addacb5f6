using Microsoft.ML;
using OlnmMl.Learners.Data;

namespace OlnmMl.Learners.Svm;

/// <summary>
/// Kernel C-SVC trainer (libsvm's algorithm, own implementation): SMO with second-order working-set selection,
/// shrinking and an LRU kernel cache; Platt probabilities from internal cross-validation. Deterministic per
/// <see cref="KernelSvmOptions.Seed"/>. Reads a known-size Single vector feature column and a Boolean label;
/// rows with NaN/±∞ features and single-class data are rejected with an exception naming the column.
/// Created by <see cref="KernelSvmCatalog.KernelSvm(BinaryClassificationCatalog.BinaryClassificationTrainers, KernelSvmOptions)"/>.
/// </summary>
public sealed class KernelSvmTrainer : IEstimator<KernelSvmPredictionTransformer>
{
    private readonly KernelSvmOptions _options;

    /// <summary>Creates the trainer; options are validated now.</summary>
    public KernelSvmTrainer(KernelSvmOptions options)
    {
        options.Validate();
        _options = options;
    }

    /// <summary>Fits the SVM on <paramref name="input"/>.</summary>
    public KernelSvmPredictionTransformer Fit(IDataView input)
    {
        var m = DenseFeatureMatrix.Read(input, _options.FeatureColumnName, _options.LabelColumnName);
        var model = KernelSvmFitter.Fit(m.Values, m.RequireLabels(), m.Features, m.SlotNames, _options);
        return new KernelSvmPredictionTransformer(model, _options.FeatureColumnName);
    }

    /// <summary>The input shape plus Score, Probability and PredictedLabel.</summary>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        if (inputSchema.All(c => c.Name != _options.FeatureColumnName))
            throw new ArgumentException($"Feature column '{_options.FeatureColumnName}' is not in the input schema.", nameof(inputSchema));
        return RowMapping.AppendShape(inputSchema, KernelSvmPredictionTransformer.OutputColumns);
    }
}
