using Microsoft.ML;
using OlnmMl.Onnx.Export;
using OlnmMl.Onnx.Scoring;
using Xunit.Abstractions;

namespace OlnmMl.Onnx.Tests;

/// <summary>ONNX Runtime output of exported ML.NET chains vs ML.NET's own in-process output.</summary>
public sealed class MlNetTabularParityTests(ITestOutputHelper output) : IDisposable
{
    private const double Tolerance = 1e-4;
    private readonly string _folder = Directory.CreateTempSubdirectory("olnm-onnx-").FullName;

    public static TheoryData<string, int> Cases() => new()
    {
        { "minmax+lbfgs", 1 }, { "minmax+lbfgs", 7 },
        { "meanvar+sdca", 1 }, { "meanvar+sdca", 7 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Exported_chain_matches_mlnet_probabilities(string pipeline, int batch)
    {
        var ml = new MLContext(seed: 1);
        var model = Train(ml, pipeline);
        var path = Path.Combine(_folder, $"{pipeline}.onnx");
        TabularPipelineExporter.Export(model, TabularData.FeatureCount, new TabularExportOptions { FeatureNames = TabularData.FeatureNames }, path);

        var inputs = TabularData.RandomBatch(batch, seed: 100 + batch);
        var expected = InProcess(ml, model, inputs);
        using var scorer = new OnnxScorer(path);
        var probability = scorer.Predict(inputs, [batch, TabularData.FeatureCount]);
        var score = scorer.Predict(inputs, [batch, TabularData.FeatureCount], TabularPipelineExporter.ScoreOutput);

        Assert.Equal(batch, probability.Length);
        var maxDelta = expected.Select((e, i) => Math.Abs(e.Probability - probability[i])).Max();
        var maxScoreDelta = expected.Select((e, i) => Math.Abs(e.Score - score[i])).Max();
        output.WriteLine($"{pipeline} batch {batch}: max |Δp| = {maxDelta:E2}, max |Δscore| = {maxScoreDelta:E2}");
        Assert.True(maxDelta <= Tolerance, $"max |Δp| = {maxDelta}");
        Assert.True(maxScoreDelta <= 1e-3, $"max |Δscore| = {maxScoreDelta}");
        // The inputs must exercise the calibrated range, not only saturated 0/1 outputs.
        Assert.Contains(expected, e => e.Probability is > 0.01f and < 0.99f);
    }

    internal static ITransformer Train(MLContext ml, string pipeline)
    {
        var data = TabularData.WithSlotNames(ml, TabularData.Make(300, seed: 7));
        IEstimator<ITransformer> estimator = pipeline switch
        {
            "minmax+lbfgs" => ml.Transforms.NormalizeMinMax("Features", fixZero: false)
                .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression()),
            "meanvar+sdca" => ml.Transforms.NormalizeMeanVariance("Features", fixZero: false)
                .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(maximumNumberOfIterations: 20)),
            _ => throw new ArgumentOutOfRangeException(nameof(pipeline)),
        };
        return estimator.Fit(data);
    }

    internal static TabularData.Prediction[] InProcess(MLContext ml, ITransformer model, float[] inputs) =>
        ml.Data.CreateEnumerable<TabularData.Prediction>(
            model.Transform(ml.Data.LoadFromEnumerable(TabularData.Rows(inputs))), reuseRowObject: false).ToArray();

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
