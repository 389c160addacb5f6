using Microsoft.ML;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using OlnmMl.Learners.Selection;
using OlnmMl.Onnx.Export;
using OlnmMl.Onnx.Scoring;
using Xunit.Abstractions;

namespace OlnmMl.Onnx.Tests;

/// <summary>
/// ML.NET's own tree-ensemble trainers (FastTree, LightGBM) after ML.NET normalisers and OlnmMl's feature
/// selection, exported as one graph: ONNX Runtime vs ML.NET's in-process probabilities and scores.
/// </summary>
public sealed class TreeEnsembleParityTests(ITestOutputHelper output) : IDisposable
{
    private const double Tolerance = 1e-5;
    private readonly string _folder = Directory.CreateTempSubdirectory("olnm-onnx-").FullName;

    public static TheoryData<string, int> Cases() => new()
    {
        { "minmax+select+fasttree", 1 }, { "minmax+select+fasttree", 7 },
        { "meanvar+lightgbm", 1 }, { "meanvar+lightgbm", 7 },
        { "fasttree", 64 }, { "lightgbm", 64 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Exported_tree_ensemble_matches_mlnet(string pipeline, int batch)
    {
        var ml = new MLContext(seed: 1);
        var model = Train(ml, pipeline);
        var path = Path.Combine(_folder, $"{pipeline}.onnx");
        TabularPipelineExporter.Export(model, TabularData.FeatureCount, new TabularExportOptions { FeatureNames = TabularData.FeatureNames }, path);

        var inputs = TabularData.RandomBatch(batch, seed: 900 + batch);
        var expected = MlNetTabularParityTests.InProcess(ml, model, inputs);
        using var scorer = new OnnxScorer(path);
        var probability = scorer.Predict(inputs, [batch, TabularData.FeatureCount]);
        var score = scorer.Predict(inputs, [batch, TabularData.FeatureCount], TabularPipelineExporter.ScoreOutput);

        var maxDelta = expected.Select((e, i) => Math.Abs(e.Probability - probability[i])).Max();
        var maxScoreDelta = expected.Select((e, i) => Math.Abs(e.Score - score[i])).Max();
        output.WriteLine($"{pipeline} batch {batch}: max |Δp| = {maxDelta:E2}, max |Δscore| = {maxScoreDelta:E2}");
        Assert.Equal(batch, probability.Length);
        Assert.True(maxDelta <= Tolerance, $"max |Δp| = {maxDelta}");
        Assert.True(maxScoreDelta <= 1e-4, $"max |Δscore| = {maxScoreDelta}");
        if (batch > 1)
        {
            // Several distinct leaves must be reached, not one constant output.
            Assert.True(expected.Select(e => e.Score).Distinct().Count() > 1, "every row scored the same");
        }
    }

    [Theory]
    [InlineData("fasttree")]
    [InlineData("lightgbm")]
    public void Exported_tree_ensemble_matches_mlnets_own_onnx_converter(string pipeline)
    {
        var ml = new MLContext(seed: 1);
        var model = Train(ml, pipeline);
        var ours = Path.Combine(_folder, $"{pipeline}.onnx");
        TabularPipelineExporter.Export(model, TabularData.FeatureCount, new TabularExportOptions(), ours);
        var converted = Path.Combine(_folder, $"{pipeline}.mlnet.onnx");
        using (var stream = File.Create(converted))
        {
            ml.Model.ConvertToOnnx(model, TabularData.WithSlotNames(ml, TabularData.Make(4, seed: 1)), stream);
        }

        const int batch = 64;
        var inputs = TabularData.RandomBatch(batch, seed: 1000);
        using var scorer = new OnnxScorer(ours);
        var actual = scorer.Predict(inputs, [batch, TabularData.FeatureCount]);
        var expected = RunConverted(converted, inputs, batch);

        var maxDelta = expected.Select((e, i) => Math.Abs(e - actual[i])).Max();
        output.WriteLine($"{pipeline}: ours vs ML.NET OnnxConverter 0.24 in ONNX Runtime, batch {batch}: max |Δp| = {maxDelta:E2}");
        Assert.True(maxDelta <= Tolerance, $"max |Δp| = {maxDelta}");
    }

    /// <summary>
    /// The <c>Probability.output</c> [N,1] of a graph written by ML.NET's converter; it takes every column of the data it was
    /// given as input, so <c>Label</c> [N,1] (unused by the scores) is fed as false.
    /// </summary>
    private static float[] RunConverted(string path, float[] inputs, int batch)
    {
        using var session = new InferenceSession(path);
        NamedOnnxValue[] feeds =
        [
            NamedOnnxValue.CreateFromTensor("Features", new DenseTensor<float>(inputs, [batch, TabularData.FeatureCount])),
            NamedOnnxValue.CreateFromTensor("Label", new DenseTensor<bool>(new bool[batch], [batch, 1])),
        ];
        using var results = session.Run(feeds, ["Probability.output"]);
        return results.Single().AsTensor<float>().ToArray();
    }

    private static ITransformer Train(MLContext ml, string pipeline)
    {
        var data = TabularData.WithSlotNames(ml, TabularData.Make(300, seed: 7));
        var trainers = ml.BinaryClassification.Trainers;
        IEstimator<ITransformer> estimator = pipeline switch
        {
            "minmax+select+fasttree" => ml.Transforms.NormalizeMinMax("Features", fixZero: false)
                .Append(ml.Transforms.SelectFeaturesByDecisionTree(topK: 4))
                .Append(trainers.FastTree(numberOfLeaves: 8, numberOfTrees: 40, minimumExampleCountPerLeaf: 5)),
            "meanvar+lightgbm" => ml.Transforms.NormalizeMeanVariance("Features", fixZero: false)
                .Append(trainers.LightGbm(numberOfLeaves: 8, minimumExampleCountPerLeaf: 5, numberOfIterations: 40)),
            "fasttree" => trainers.FastTree(numberOfLeaves: 16, numberOfTrees: 60, minimumExampleCountPerLeaf: 3),
            "lightgbm" => trainers.LightGbm(numberOfLeaves: 16, minimumExampleCountPerLeaf: 3, numberOfIterations: 60),
            _ => throw new ArgumentOutOfRangeException(nameof(pipeline)),
        };
        return estimator.Fit(data);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
