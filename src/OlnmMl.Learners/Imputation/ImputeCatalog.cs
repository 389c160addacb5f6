using Microsoft.ML;
using OlnmMl.Learners.Data;

namespace OlnmMl.Learners.Imputation;

/// <summary><c>mlContext.Transforms.ImputeNonFinite(…)</c>: <see cref="ImputeEstimator"/> from ML.NET's catalog.</summary>
public static class ImputeCatalog
{
    /// <summary>NaN and ±∞ of each slot → that slot's median or mean of its finite training values.</summary>
    public static ImputeEstimator ImputeNonFinite(this TransformsCatalog catalog, ImputationMethod method = ImputationMethod.Median,
        string featureColumnName = DefaultColumnNames.Features) =>
        new(new ImputeOptions { Method = method, FeatureColumnName = featureColumnName });

    /// <summary>NaN and ±∞ of each slot → that slot's training statistic, with all options.</summary>
    public static ImputeEstimator ImputeNonFinite(this TransformsCatalog catalog, ImputeOptions options) => new(options);
}
