using Microsoft.ML;

namespace OlnmMl.Learners.Pipelines;

/// <summary>
/// An ordered list of tabular steps ending in a trainer, read from YAML (<see cref="TabularPipelineYaml"/>) or built
/// in code (<see cref="TabularPipelineBuilder"/>). Fitting runs each step's estimator on the output of the previous
/// fitted steps, on the training rows only.
/// </summary>
public sealed class TabularPipeline
{
    internal TabularPipeline(string name, TabularStep[] steps)
    {
        Name = name;
        Steps = steps;
    }

    /// <summary>Pipeline name.</summary>
    public string Name { get; }

    /// <summary>Steps in order; the last is the trainer.</summary>
    public IReadOnlyList<TabularStep> Steps { get; }

    /// <summary>Fits every step on <paramref name="train"/> (Features, Label columns) and returns the fitted transformers.</summary>
    public IReadOnlyList<(TabularStep Step, ITransformer Transformer, DataViewSchema InputSchema)> Fit(MLContext ml, IDataView train)
    {
        var fitted = new List<(TabularStep, ITransformer, DataViewSchema)>();
        var data = train;
        foreach (var step in Steps)
        {
            var context = new TabularFitContext(train, [.. fitted.Select(f => f.Item2)]);
            var transformer = step.CreateEstimator(ml, context).Fit(data);
            fitted.Add((step, transformer, data.Schema));
            data = transformer.Transform(data);
        }
        return fitted;
    }
}
