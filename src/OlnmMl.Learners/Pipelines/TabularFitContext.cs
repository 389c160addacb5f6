using Microsoft.ML;

namespace OlnmMl.Learners.Pipelines;

/// <summary>What a step may use while it is fitted: the original training rows and the steps fitted before it.</summary>
/// <param name="Training">The training rows as given to <see cref="TabularPipeline.Fit"/> (with the Id column of a <see cref="FeatureTable"/>).</param>
/// <param name="FittedSteps">The transformers of the preceding steps, in order.</param>
public sealed record TabularFitContext(IDataView Training, IReadOnlyList<ITransformer> FittedSteps)
{
    /// <summary>Applies the preceding fitted steps to <paramref name="data"/> (e.g. a second extraction of the same rows).</summary>
    public IDataView ApplyFittedSteps(IDataView data)
    {
        foreach (var step in FittedSteps) data = step.Transform(data);
        return data;
    }
}
