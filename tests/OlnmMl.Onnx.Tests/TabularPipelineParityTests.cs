using Microsoft.ML;
using OlnmMl.Learners.Clinical;
using OlnmMl.Learners.Selection;
using OlnmMl.Learners.Svm;
using OlnmMl.Onnx.Export;
using OlnmMl.Onnx.Scoring;
using Xunit.Abstractions;

namespace OlnmMl.Onnx.Tests;

/// <summary>The published radiomics pipeline shape (normalise → decision-tree top-k → kernel SVM) as one graph vs in-process.</summary>
public sealed class TabularPipelineParityTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("olnm-onnx-").FullName;

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public void Normalise_select_svm_pipeline_matches_in_process(int batch)
    {
        var ml = new MLContext(seed: 1);
        var data = TabularData.WithSlotNames(ml, TabularData.Make(200, seed: 13));
        var model = ml.Transforms.NormalizeMinMax("Features", fixZero: false)
            .Append(ml.Transforms.SelectFeaturesByDecisionTree(topK: 3))
            .Append(ml.BinaryClassification.Trainers.KernelSvm(seed: 1))
            .Fit(data);
        var selected = model.OfType<FeatureSelectionTransformer>().Single().SelectedIndices;
        var path = Path.Combine(_folder, "pipeline.onnx");
        TabularPipelineExporter.Export(model, TabularData.FeatureCount, new TabularExportOptions { FeatureNames = TabularData.FeatureNames }, path);

        var inputs = TabularData.RandomBatch(batch, seed: 500 + batch);
        var expected = MlNetTabularParityTests.InProcess(ml, model, inputs);
        using var scorer = new OnnxScorer(path);
        var actual = scorer.Predict(inputs, [batch, TabularData.FeatureCount]);

        var maxDelta = expected.Select((e, i) => Math.Abs(e.Probability - actual[i])).Max();
        output.WriteLine($"minmax → DT top-3 {string.Join(",", selected)} → RBF SVM, batch {batch}: max |Δp| = {maxDelta:E2}");
        Assert.Equal(3, selected.Count);
        Assert.Equal(batch, actual.Length);
        Assert.True(maxDelta <= 1e-4, $"max |Δp| = {maxDelta}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public void Clinical_logistic_matches_in_process(int batch)
    {
        var ml = new MLContext(seed: 1);
        var data = TabularData.WithSlotNames(ml, TabularData.Make(300, seed: 17));
        var model = ml.Transforms.NormalizeMeanVariance("Features", fixZero: false)
            .Append(ml.Transforms.SelectFeaturesByDecisionTree(topK: 3))
            .Append(ml.BinaryClassification.Trainers.ClinicalLogistic())
            .Fit(data);
        var path = Path.Combine(_folder, "clinical.onnx");
        TabularPipelineExporter.Export(model, TabularData.FeatureCount, new TabularExportOptions(), path);

        var inputs = TabularData.RandomBatch(batch, seed: 600 + batch);
        var expected = MlNetTabularParityTests.InProcess(ml, model, inputs);
        using var scorer = new OnnxScorer(path);
        var actual = scorer.Predict(inputs, [batch, TabularData.FeatureCount]);

        var maxDelta = expected.Select((e, i) => Math.Abs(e.Probability - actual[i])).Max();
        output.WriteLine($"meanvar → DT top-3 → clinical logistic, batch {batch}: max |Δp| = {maxDelta:E2}");
        Assert.True(maxDelta <= 1e-4, $"max |Δp| = {maxDelta}");
    }

    [Fact]
    public void Clinical_signature_with_screen_and_backward_elimination_matches_in_process()
    {
        var ml = new MLContext(seed: 1);
        var data = TabularData.WithSlotNames(ml, TabularData.Make(300, seed: 17));
        var model = ml.Transforms.NormalizeMeanVariance("Features", fixZero: false)
            .Append(ml.BinaryClassification.Trainers.ClinicalSignature(entryPValue: 0.05, backwardElimination: true))
            .Fit(data);
        var path = Path.Combine(_folder, "signature.onnx");
        TabularPipelineExporter.Export(model, TabularData.FeatureCount, new TabularExportOptions(), path);

        var inputs = TabularData.RandomBatch(7, seed: 700);
        var expected = MlNetTabularParityTests.InProcess(ml, model, inputs);
        using var scorer = new OnnxScorer(path);
        var actual = scorer.Predict(inputs, [7, TabularData.FeatureCount]);

        var slots = model.LastTransformer.Slots;
        output.WriteLine($"meanvar → clinical signature (p < 0.05, backward) on slots {string.Join(",", slots)}: max |Δp| = {expected.Select((e, i) => Math.Abs(e.Probability - actual[i])).Max():E2}");
        Assert.InRange(slots.Count, 1, TabularData.FeatureCount - 1);
        Assert.All(expected.Select((e, i) => Math.Abs(e.Probability - actual[i])), d => Assert.True(d <= 1e-4, $"|Δp| = {d}"));
    }

    [Fact]
    public void Unselected_features_do_not_change_the_exported_probability()
    {
        var ml = new MLContext(seed: 1);
        var data = TabularData.WithSlotNames(ml, TabularData.Make(200, seed: 13));
        var model = ml.Transforms.NormalizeMinMax("Features", fixZero: false)
            .Append(ml.Transforms.SelectFeaturesByDecisionTree(topK: 2))
            .Append(ml.BinaryClassification.Trainers.KernelSvm(seed: 1))
            .Fit(data);
        var selected = model.OfType<FeatureSelectionTransformer>().Single().SelectedIndices;
        var dropped = Enumerable.Range(0, TabularData.FeatureCount).First(j => !selected.Contains(j));
        var path = Path.Combine(_folder, "pipeline2.onnx");
        TabularPipelineExporter.Export(model, TabularData.FeatureCount, new TabularExportOptions(), path);
        var inputs = TabularData.RandomBatch(1, seed: 77);
        var perturbed = (float[])inputs.Clone();
        perturbed[dropped] += 1000f;

        using var scorer = new OnnxScorer(path);

        Assert.Equal(scorer.Predict(inputs, [1, TabularData.FeatureCount]), scorer.Predict(perturbed, [1, TabularData.FeatureCount]));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
