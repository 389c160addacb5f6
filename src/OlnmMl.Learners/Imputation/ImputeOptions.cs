using OlnmMl.Learners.Data;

namespace OlnmMl.Learners.Imputation;

/// <summary>The statistic that replaces a non-finite value of a feature slot, taken over that slot's finite training values.</summary>
public enum ImputationMethod
{
    /// <summary>The middle finite value, or the mean of the two middle ones for an even count.</summary>
    Median,

    /// <summary>Σx/n over the n finite values.</summary>
    Mean,
}

/// <summary>Options of <see cref="ImputeEstimator"/>; YAML <c>impute: {method: median}</c>.</summary>
public sealed class ImputeOptions
{
    /// <summary>The vector column imputed in place (same name, size and slot names).</summary>
    public string FeatureColumnName { get; set; } = DefaultColumnNames.Features;

    /// <summary>The statistic (default median).</summary>
    public ImputationMethod Method { get; set; } = ImputationMethod.Median;
}
