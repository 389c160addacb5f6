using Microsoft.ML;

namespace OlnmMl.AutoML.Fluent;

/// <summary><c>mlContext.Auto()</c> and <c>estimator.Append(sweepable)</c>, as in ML.NET AutoML.</summary>
public static class AutoCatalogExtensions
{
    /// <summary>The fluent AutoML catalog over <paramref name="context"/>.</summary>
    public static AutoCatalog Auto(this MLContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new AutoCatalog(context);
    }

    /// <summary>A pipeline of the fixed <paramref name="estimator"/> followed by <paramref name="next"/>.</summary>
    public static SweepablePipeline Append(this IEstimator<ITransformer> estimator, SweepableEstimator next) =>
        SweepableEstimator.Fixed(estimator).Append(next);
}
