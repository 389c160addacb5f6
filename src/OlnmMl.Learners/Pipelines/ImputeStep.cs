using Microsoft.ML;
using OlnmMl.Learners.Imputation;

namespace OlnmMl.Learners.Pipelines;

/// <summary>
/// Replaces the non-finite values of every feature slot by that slot's training median or mean
/// (<see cref="ImputeEstimator"/>); YAML <c>impute: {method: median}</c> (or mean). Exported to ONNX (see <see cref="ImputeTransformer"/>).
/// </summary>
/// <param name="options">The statistic.</param>
public sealed class ImputeStep(ImputeOptions options) : TabularStep
{
    /// <inheritdoc />
    public override string Kind => "impute";

    /// <inheritdoc />
    public override object? Options => ImputeOptions;

    /// <summary>The imputation options.</summary>
    public ImputeOptions ImputeOptions { get; } = options;

    /// <inheritdoc />
    public override IEstimator<ITransformer> CreateEstimator(MLContext ml, TabularFitContext context) => new ImputeEstimator(ImputeOptions);
}
