using Microsoft.ML;
using OlnmMl.Learners.Clinical;
using OlnmMl.Learners.Data;
using OlnmMl.Learners.Pipelines;

namespace OlnmMl.Learners.Tests.Pipelines;

/// <summary>
/// <see cref="TabularTraining"/> fits in the caller's <see cref="MLContext"/>: a step drawing from ML.NET's own
/// context randomness (random Fourier features with no explicit seed) follows the caller's seed, and the caller's log
/// receives the fit's messages.
/// </summary>
public sealed class CallerContextTrainingTests
{
    [Fact]
    public void The_callers_seed_decides_a_context_seeded_step()
    {
        var table = Table();

        var seed1 = Probabilities(TabularTraining.Train(new MLContext(seed: 1), Pipeline(), table, "label"), table);
        var seed1Again = Probabilities(TabularTraining.Train(new MLContext(seed: 1), Pipeline(), table, "label"), table);
        var seed2 = Probabilities(TabularTraining.Train(new MLContext(seed: 2), Pipeline(), table, "label"), table);
        var legacy = Probabilities(TabularTraining.Train(Pipeline(), table, "label"), table);
        var seed0 = Probabilities(TabularTraining.Train(new MLContext(seed: 0), Pipeline(), table, "label"), table);

        Assert.Equal(seed1, seed1Again);
        Assert.NotEqual(seed1, seed2);
        Assert.Equal(seed0, legacy);
    }

    [Fact]
    public void The_callers_log_receives_the_fit()
    {
        var ml = new MLContext(seed: 1);
        var messages = new List<string>();
        ml.Log += (_, e) => messages.Add(e.Message);

        TabularTraining.Train(ml, Pipeline(), Table(), "label");

        Assert.NotEmpty(messages);
    }

    private static TabularPipeline Pipeline() =>
        new TabularPipelineBuilder("caller-context").Add(new RandomFourierStep()).Logistic(new ClinicalLogisticOptions()).Build();

    private static FeatureTable Table()
    {
        var (x, y) = TestData.Gaussian(120, 3, informative: 2, shift: 1.0, seed: 5);
        return FeatureTable.FromRows("memory", [.. x.Select((_, i) => $"case{i}")], ["a", "b", "c"], x, y);
    }

    private static float[] Probabilities(TabularModel model, FeatureTable table) =>
        [.. TabularPrediction.Score(new MLContext(seed: 99), model, table).Select(s => s.Probability)];

    /// <summary>ML.NET's random Fourier feature map with no seed of its own, so it draws from the fitting context.</summary>
    private sealed class RandomFourierStep : TabularStep
    {
        public override string Kind => "random-fourier";

        public override object? Options { get; } = new RandomFourierOptions();

        public override IEstimator<ITransformer> CreateEstimator(MLContext ml, TabularFitContext context) =>
            ml.Transforms.ApproximatedKernelMap(DefaultColumnNames.Features, rank: 4);
    }

    private sealed class RandomFourierOptions;
}
