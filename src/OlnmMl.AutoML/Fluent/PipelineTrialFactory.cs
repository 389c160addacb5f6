using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.Spaces;

namespace OlnmMl.AutoML.Fluent;

/// <summary>
/// The trial kind of an <see cref="AutoMLExperiment"/>: builds the pipeline of the trial's configuration with an
/// <see cref="MLContext"/> seeded by the trial seed, fits it on the training data (ML.NET's fit cannot be
/// cancelled from outside: a cancellation or the deadline takes effect when it returns), and scores the training data (cohort <c>train</c>, role Training: the
/// leaderboard's cut-off) and the validation data (cohort <c>validation</c>, role Selection: the objective). Case ids
/// are row numbers. The fitted model waits in <see cref="Models"/> for the experiment to keep or drop.
/// </summary>
internal sealed class PipelineTrialFactory(SweepablePipeline pipeline, IDataView train, IDataView validation, string labelColumn, string probabilityColumn)
    : ITrialFactory
{
    /// <summary>The trial kind written in the study's <c>trial</c> parameter.</summary>
    public const string Kind = "sweepable-pipeline";

    /// <summary>Fitted models by trial number.</summary>
    public ConcurrentDictionary<int, ITransformer> Models { get; } = new();

    public string Name => Kind;

    public long EstimateMemoryBytes(ParameterSet parameters) => 0;

    public Task<TrialOutcome> RunAsync(TrialContext context, CancellationToken cancellationToken)
    {
        var ml = new MLContext(context.Seed);
        var model = pipeline.BuildFromOption(ml, context.Parameters).Fit(train);
        cancellationToken.ThrowIfCancellationRequested();
        var predictions = new[]
        {
            Score(model, train, "train", CohortRole.Training),
            Score(model, validation, "validation", CohortRole.Selection),
        };
        Models[context.TrialNumber] = model;
        return Task.FromResult(new TrialOutcome(predictions));
    }

    private CohortPredictions Score(ITransformer model, IDataView data, string cohort, CohortRole role)
    {
        var scored = model.Transform(data);
        if (scored.Schema.GetColumnOrNull(probabilityColumn) is null)
        {
            throw new InvalidOperationException(
                $"SetBinaryClassificationMetric: the pipeline's output has no column '{probabilityColumn}' (columns: {string.Join(", ", scored.Schema.Select(c => c.Name))}).");
        }

        var labels = scored.GetColumn<bool>(labelColumn).ToArray();
        var probabilities = scored.GetColumn<float>(probabilityColumn).Select(p => (double)p).ToArray();
        var ids = Enumerable.Range(0, labels.Length).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        return new CohortPredictions(cohort, role, ids, labels, probabilities);
    }
}
