using Microsoft.ML;
using OlnmMl.Learners.Svm;
using OlnmMl.Onnx.Export;
using OlnmMl.Onnx.Scoring;
using Xunit.Abstractions;

namespace OlnmMl.Onnx.Tests;

/// <summary>ONNX Runtime vs OlnmMl.Learners' in-process kernel SVM (normalise → SVM with Platt probabilities).</summary>
public sealed class KernelSvmParityTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("olnm-onnx-").FullName;

    public static TheoryData<KernelType, int> Cases() => new()
    {
        { KernelType.Rbf, 1 }, { KernelType.Rbf, 7 },
        { KernelType.Linear, 7 }, { KernelType.Polynomial, 7 }, { KernelType.Sigmoid, 7 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Exported_svm_pipeline_matches_in_process_probabilities(KernelType kernel, int batch)
    {
        var ml = new MLContext(seed: 1);
        var data = TabularData.WithSlotNames(ml, TabularData.Make(200, seed: 11));
        var model = ml.Transforms.NormalizeMeanVariance("Features", fixZero: false)
            .Append(ml.BinaryClassification.Trainers.KernelSvm(kernel: kernel, c: 1.0, seed: 1))
            .Fit(data);
        var path = Path.Combine(_folder, $"svm-{kernel}.onnx");
        TabularPipelineExporter.Export(model, TabularData.FeatureCount, new TabularExportOptions { FeatureNames = TabularData.FeatureNames }, path);

        var inputs = TabularData.RandomBatch(batch, seed: 300 + batch);
        var expected = MlNetTabularParityTests.InProcess(ml, model, inputs);
        using var scorer = new OnnxScorer(path);
        var actual = scorer.Predict(inputs, [batch, TabularData.FeatureCount]);
        var score = scorer.Predict(inputs, [batch, TabularData.FeatureCount], TabularPipelineExporter.ScoreOutput);

        var maxDelta = expected.Select((e, i) => Math.Abs(e.Probability - actual[i])).Max();
        var maxRelativeScoreDelta = expected.Select((e, i) => Math.Abs(e.Score - score[i]) / Math.Max(1, Math.Abs(e.Score))).Max();
        output.WriteLine($"kernel SVM {kernel} batch {batch}: max |Δp| = {maxDelta:E2}, max relative |Δf| = {maxRelativeScoreDelta:E2}");
        Assert.Equal(batch, actual.Length);
        Assert.True(maxDelta <= 1e-4, $"max |Δp| = {maxDelta}");
        Assert.True(maxRelativeScoreDelta <= 1e-4, $"max relative |Δf| = {maxRelativeScoreDelta}");
        if (batch > 1)
        {
            // The batch must reach the calibrated range, not only saturated 0/1 outputs.
            Assert.Contains(expected, e => e.Probability is > 0.01f and < 0.99f);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
