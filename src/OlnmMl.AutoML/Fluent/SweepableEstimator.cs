using Microsoft.ML;
using OlnmMl.AutoML.Spaces;

namespace OlnmMl.AutoML.Fluent;

/// <summary>
/// An estimator with a search space: <see cref="BuildFromOption"/> makes the estimator of one configuration. Made by
/// <see cref="AutoCatalog.CreateSweepableEstimator{T}"/>; chained into a <see cref="SweepablePipeline"/> by
/// <see cref="Append(SweepableEstimator)"/>. Unlike ML.NET's it is not itself an <see cref="IEstimator{TTransformer}"/>.
/// </summary>
public sealed class SweepableEstimator
{
    private readonly Func<MLContext, ParameterSet, IEstimator<ITransformer>> _factory;

    /// <summary>Creates a sweepable estimator from a factory and its space.</summary>
    public SweepableEstimator(Func<MLContext, ParameterSet, IEstimator<ITransformer>> factory, SearchSpace searchSpace)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(searchSpace);
        _factory = factory;
        SearchSpace = searchSpace;
    }

    /// <summary>The parameters this estimator sweeps (empty for a fixed estimator).</summary>
    public SearchSpace SearchSpace { get; }

    /// <summary>A fixed estimator as a sweepable one with an empty space.</summary>
    public static SweepableEstimator Fixed(IEstimator<ITransformer> estimator)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        return new SweepableEstimator((_, _) => estimator, new SearchSpace([]));
    }

    /// <summary>The estimator of <paramref name="parameter"/> (a configuration that may hold other steps' parameters too).</summary>
    public IEstimator<ITransformer> BuildFromOption(MLContext context, ParameterSet parameter) => _factory(context, parameter);

    /// <summary>This estimator followed by <paramref name="next"/>.</summary>
    public SweepablePipeline Append(SweepableEstimator next) => new SweepablePipeline([this]).Append(next);

    /// <summary>This estimator followed by the fixed <paramref name="next"/>.</summary>
    public SweepablePipeline Append(IEstimator<ITransformer> next) => Append(Fixed(next));
}
