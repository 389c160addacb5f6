using Microsoft.ML;
using OlnmMl.Learners.Pipelines;
using OlnmMl.Onnx.Export;
using OlnmMl.Onnx.Scoring;

namespace OlnmMl.Onnx.Tests;

public sealed class ScoringInputErrorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("olnm-onnx-").FullName;
    private readonly string _modelPath;
    private readonly MLContext _ml = new(seed: 1);
    private readonly ITransformer _model;

    public ScoringInputErrorTests()
    {
        _model = MlNetTabularParityTests.Train(_ml, "minmax+lbfgs");
        _modelPath = Path.Combine(_folder, "model.onnx");
        TabularPipelineExporter.Export(_model, TabularData.FeatureCount, new TabularExportOptions { FeatureNames = TabularData.FeatureNames }, _modelPath);
    }

    [Fact]
    public void Wrong_feature_count_names_the_input_and_both_shapes()
    {
        using var scorer = new OnnxScorer(_modelPath);

        var e = Assert.Throws<ArgumentException>(() => scorer.Predict(new float[10], [2, 5]));

        Assert.Contains("'radiomics'", e.Message);
        Assert.Contains("[2,5]", e.Message);
        Assert.Contains("[N,6]", e.Message);
    }

    [Fact]
    public void Data_length_disagreeing_with_shape_is_rejected()
    {
        using var scorer = new OnnxScorer(_modelPath);

        var e = Assert.Throws<ArgumentException>(() => scorer.Predict(new float[11], [2, 6]));

        Assert.Contains("11 values", e.Message);
    }

    [Fact]
    public void NaN_names_the_case_and_the_feature()
    {
        using var scorer = new OnnxScorer(_modelPath);
        var data = TabularData.RandomBatch(3, seed: 5);
        data[(1 * TabularData.FeatureCount) + 4] = float.NaN;

        var e = Assert.Throws<ArgumentException>(() => scorer.Predict(data, [3, TabularData.FeatureCount]));

        Assert.Contains("case 1", e.Message);
        Assert.Contains(TabularData.FeatureNames[4], e.Message);
    }

    [Fact]
    public void Missing_and_unknown_inputs_are_named()
    {
        using var scorer = new OnnxScorer(_modelPath);
        var input = new OnnxInput(new float[6], [1, 6]);

        var missing = Assert.Throws<ArgumentException>(() => scorer.Predict(new Dictionary<string, OnnxInput>()));
        var unknown = Assert.Throws<ArgumentException>(() => scorer.Predict(new Dictionary<string, OnnxInput> { ["radiomics"] = input, ["image"] = input }));

        Assert.Contains("'radiomics' was not supplied", missing.Message);
        Assert.Contains("'image' is not an input", unknown.Message);
    }

    [Fact]
    public void Predict_csv_scores_by_feature_name_in_any_column_order()
    {
        var inputs = TabularData.RandomBatch(4, seed: 9);
        var expected = MlNetTabularParityTests.InProcess(_ml, _model, inputs);
        // Columns reversed relative to the model's order, plus an unused column.
        var order = Enumerable.Range(0, TabularData.FeatureCount).Reverse().ToArray();
        var lines = new List<string> { "case_id,unused," + string.Join(",", order.Select(j => TabularData.FeatureNames[j])) };
        for (var i = 0; i < 4; i++)
        {
            lines.Add($"c{i},0," + string.Join(",", order.Select(j => inputs[(i * TabularData.FeatureCount) + j].ToString("R", System.Globalization.CultureInfo.InvariantCulture))));
        }

        var data = Path.Combine(_folder, "data.csv");
        var scores = Path.Combine(_folder, "scores.csv");
        File.WriteAllLines(data, lines);

        var count = OnnxPrediction.PredictCsv(_modelPath, data, scores);

        var rows = File.ReadAllLines(scores).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(4, count);
        Assert.Equal(["c0", "c1", "c2", "c3"], rows.Select(r => r[0]));
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(expected[i].Score, float.Parse(rows[i][1], System.Globalization.CultureInfo.InvariantCulture), 1e-3f);
            Assert.Equal(expected[i].Probability, float.Parse(rows[i][2], System.Globalization.CultureInfo.InvariantCulture), 1e-4f);
        }
    }

    [Fact]
    public void Predict_csv_lists_missing_radiomics_features()
    {
        var data = Path.Combine(_folder, "partial.csv");
        File.WriteAllLines(data, ["case_id," + string.Join(",", TabularData.FeatureNames.Take(4)), "a,1,2,3,4"]);

        var e = Assert.Throws<FeatureTableException>(() => OnnxPrediction.PredictCsv(_modelPath, data, Path.Combine(_folder, "s.csv")));

        Assert.Contains("lacks 2", e.Message);
        Assert.Contains(TabularData.FeatureNames[4], e.Message);
        Assert.Contains(TabularData.FeatureNames[5], e.Message);
    }

    [Fact]
    public void Predict_csv_rejects_NaN_cells_naming_the_feature()
    {
        var data = Path.Combine(_folder, "nan.csv");
        File.WriteAllLines(data, ["case_id," + string.Join(",", TabularData.FeatureNames), "a,1,2,NaN,4,5,6"]);

        var e = Assert.Throws<FeatureTableException>(() => OnnxPrediction.PredictCsv(_modelPath, data, Path.Combine(_folder, "s.csv")));

        Assert.Contains(TabularData.FeatureNames[2], e.Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
