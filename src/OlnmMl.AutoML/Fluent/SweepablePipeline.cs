using Microsoft.ML;
using Microsoft.ML.Data;
using OlnmMl.AutoML.Spaces;

namespace OlnmMl.AutoML.Fluent;

/// <summary>
/// A chain of sweepable estimators; its space is the steps' parameters in order. Differs from ML.NET, which nests each
/// step's space under a key (<c>e0</c>, <c>e1</c>, …): the space here is flat, as in the experiment YAML, so parameter
/// names must be unique across the steps (the space refuses a repeated name).
/// </summary>
public sealed class SweepablePipeline
{
    private readonly SweepableEstimator[] _steps;

    /// <summary>Creates a pipeline of <paramref name="steps"/>.</summary>
    public SweepablePipeline(IEnumerable<SweepableEstimator> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        _steps = steps.ToArray();
        SearchSpace = new SearchSpace(_steps.SelectMany(s => s.SearchSpace.Parameters));
    }

    /// <summary>The parameters of every step, in order.</summary>
    public SearchSpace SearchSpace { get; }

    /// <summary>The steps.</summary>
    public IReadOnlyList<SweepableEstimator> Estimators => _steps;

    /// <summary>This pipeline followed by <paramref name="next"/>.</summary>
    public SweepablePipeline Append(SweepableEstimator next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return new SweepablePipeline(_steps.Append(next));
    }

    /// <summary>This pipeline followed by the fixed <paramref name="next"/>.</summary>
    public SweepablePipeline Append(IEstimator<ITransformer> next) => Append(SweepableEstimator.Fixed(next));

    /// <summary>The estimator chain of one configuration.</summary>
    public IEstimator<ITransformer> BuildFromOption(MLContext context, ParameterSet parameter) =>
        _steps.Aggregate((IEstimator<ITransformer>)new EstimatorChain<ITransformer>(), (chain, step) => chain.Append(step.BuildFromOption(context, parameter)));
}
