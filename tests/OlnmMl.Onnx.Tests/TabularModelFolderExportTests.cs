using System.Globalization;
using OlnmMl.Learners.Pipelines;
using OlnmMl.Onnx.Export;
using OlnmMl.Onnx.Scoring;
using Xunit.Abstractions;

namespace OlnmMl.Onnx.Tests;

/// <summary>
/// The CLI path end to end: a model folder written by OlnmMl.Learners (<c>olnm train</c>), exported
/// with <c>olnm export</c>, scored with <c>olnm predict --model model.onnx</c>, against
/// <c>olnm predict --model model/</c> (OlnmMl.Learners' in-process scoring) on the same table.
/// </summary>
public sealed class TabularModelFolderExportTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("olnm-onnx-").FullName;

    private string WriteTable(string name, IReadOnlyList<TabularData.Row> rows, bool withLabel)
    {
        var path = Path.Combine(_folder, name);
        var lines = new List<string> { "id," + string.Join(",", TabularData.FeatureNames) + (withLabel ? ",pN" : "") };
        lines.AddRange(rows.Select((r, i) => $"case{i}," + string.Join(",", r.Features.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))
            + (withLabel ? (r.Label ? ",1" : ",0") : "")));
        File.WriteAllLines(path, lines);
        return path;
    }

    [Theory]
    [InlineData("svm: {kernel: rbf, gamma: scale, c: 1.0}")]
    [InlineData("logistic: {}")]
    [InlineData("fasttree: {number_of_trees: 40, number_of_leaves: 8, minimum_example_count_per_leaf: 5}")]
    [InlineData("lightgbm: {number_of_trees: 40, number_of_leaves: 8, minimum_example_count_per_leaf: 5}")]
    public void Onnx_predict_reproduces_the_model_folder_predictions(string trainer)
    {
        var yaml = Path.Combine(_folder, "pipeline.yaml");
        File.WriteAllText(yaml, $"name: test\nseed: 0\nsteps:\n  - normalize: mean-variance\n  - select: {{method: decision-tree, top_k: 3}}\n  - {trainer}\n");
        var train = WriteTable("train.csv", TabularData.Make(200, seed: 31), withLabel: true);
        var external = WriteTable("external.csv", TabularData.Rows(TabularData.RandomBatch(7, seed: 32)), withLabel: false);
        var modelFolder = Path.Combine(_folder, "model");
        TabularTraining.Train(yaml, train, "pN", modelFolder);
        var onnx = Path.Combine(_folder, "model.onnx");

        OnnxModelExport.ExportModelDirectory(modelFolder, onnx);
        TabularPrediction.Predict(modelFolder, external, Path.Combine(_folder, "in-process.csv"));
        OnnxPrediction.PredictCsv(onnx, external, Path.Combine(_folder, "onnx.csv"));

        var expected = ReadProbabilities(Path.Combine(_folder, "in-process.csv"));
        var actual = ReadProbabilities(Path.Combine(_folder, "onnx.csv"));
        var maxDelta = expected.Keys.Max(id => Math.Abs(expected[id] - actual[id]));
        output.WriteLine($"{trainer}: olnm predict model/ vs model.onnx, 7 cases: max |Δp| = {maxDelta:E2}");
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        Assert.True(maxDelta <= 1e-4, $"max |Δp| = {maxDelta}");
        using var scorer = new OnnxScorer(onnx);
        Assert.Equal(TabularData.FeatureNames, scorer.Metadata.Inputs.Single().SlotNames);
        Assert.Contains("decision-tree", scorer.Metadata.Pipeline);
        Assert.Contains("train.csv", scorer.Metadata.Settings);
    }

    private static Dictionary<string, double> ReadProbabilities(string path)
    {
        var lines = File.ReadAllLines(path);
        var column = Array.IndexOf(lines[0].Split(','), "probability");
        return lines.Skip(1).Select(l => l.Split(',')).ToDictionary(c => c[0], c => double.Parse(c[column], CultureInfo.InvariantCulture));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
