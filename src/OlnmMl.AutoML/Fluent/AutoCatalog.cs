using Microsoft.ML;
using OlnmMl.AutoML.Spaces;

namespace OlnmMl.AutoML.Fluent;

/// <summary>
/// The entry point of the fluent AutoML API, <c>mlContext.Auto()</c>, shaped like <c>Microsoft.ML.AutoML.AutoCatalog</c>:
/// <see cref="CreateExperiment"/> and <see cref="CreateSweepableEstimator{T}"/>. Code written for ML.NET AutoML ports by
/// replacing <c>using Microsoft.ML.AutoML; using Microsoft.ML.SearchSpace;</c> with
/// <c>using OlnmMl.AutoML.Fluent; using OlnmMl.AutoML.Spaces;</c> (the type docs name the remaining differences).
/// </summary>
public sealed class AutoCatalog
{
    internal AutoCatalog(MLContext context) => Context = context;

    /// <summary>The caller's context (the experiment reads and checks data through it).</summary>
    internal MLContext Context { get; }

    /// <summary>A new experiment to configure with its <c>Set…</c> methods and run with <see cref="AutoMLExperiment.RunAsync"/>.</summary>
    public AutoMLExperiment CreateExperiment() => new(Context);

    /// <summary>
    /// A sweepable estimator: <paramref name="factory"/> builds the estimator of a trial from options of type
    /// <typeparamref name="T"/> bound from the trial's configuration (<see cref="SearchSpaces.Bind{TOptions}"/>).
    /// </summary>
    /// <param name="factory">Builds the estimator from a context and the bound options.</param>
    /// <param name="searchSpace">
    /// The space to sweep; null means the one declared on <typeparamref name="T"/> by <see cref="RangeAttribute"/> and
    /// <see cref="ChoiceAttribute"/> (<see cref="SearchSpaces.FromOptions{TOptions}"/>). A given space uses the
    /// parameter names <typeparamref name="T"/> declares (ML.NET takes a <c>SearchSpace&lt;T&gt;</c> here).
    /// </param>
    public SweepableEstimator CreateSweepableEstimator<T>(Func<MLContext, T, IEstimator<ITransformer>> factory, SearchSpace? searchSpace = null)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new SweepableEstimator((context, parameters) => factory(context, SearchSpaces.Bind<T>(parameters)), searchSpace ?? SearchSpaces.FromOptions<T>());
    }
}
