using System.Globalization;
using System.Text.Json;
using Microsoft.ML;
using OlnmMl.Learners.Pipelines;
using OlnmMl.Learners.Selection;

namespace OlnmMl.Learners.Tests.Pipelines;

public class TabularTrainPredictTests
{
    [Fact]
    public void TrainThenPredict_WritesScoresThatMatchTheInMemoryModel()
    {
        var dir = PipelineFiles.TempDirectory();
        var train = PipelineFiles.WriteTable(dir, "train.csv", 120, 30, seed: 61);
        var test = PipelineFiles.WriteTable(dir, "test.csv", 40, 30, seed: 62, withLabel: false);
        var modelDir = Path.Combine(dir, "model");

        var model = TabularTraining.Train(PipelineFiles.Pipeline("radiomics-svm.yaml"), train, "pN", modelDir);
        var rows = TabularPrediction.Predict(modelDir, test, Path.Combine(dir, "scores.csv"));

        Assert.Equal(40, rows);
        var lines = File.ReadAllLines(Path.Combine(dir, "scores.csv"));
        Assert.Equal("id,score,probability,predicted_label", lines[0]);
        var expected = TabularPrediction.Score(new MLContext(0), model, FeatureTable.Load(test, null));
        for (int i = 0; i < 40; i++)
        {
            var f = lines[i + 1].Split(',');
            Assert.Equal($"case-{i}", f[0]);
            Assert.Equal(expected[i].Score, float.Parse(f[1], CultureInfo.InvariantCulture), 5);
            Assert.Equal(expected[i].Probability, float.Parse(f[2], CultureInfo.InvariantCulture), 5);
            Assert.Equal(float.Parse(f[1], CultureInfo.InvariantCulture) > 0 ? "1" : "0", f[3]);
        }

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(modelDir, "model.json")));
        Assert.Equal(TabularModel.FormatVersion, manifest.RootElement.GetProperty("format_version").GetInt32());
        Assert.Equal(30, manifest.RootElement.GetProperty("features").GetArrayLength());
        var selection = Assert.IsType<FeatureSelectionTransformer>(model.Transformers[1]);
        Assert.Equal(10, selection.SelectedIndices.Count);
    }

    [Fact]
    public void Predict_TableMissingAModelFeature_NamesIt()
    {
        var dir = PipelineFiles.TempDirectory();
        var train = PipelineFiles.WriteTable(dir, "train.csv", 60, 5, seed: 63, shift: 0.3);
        var modelDir = Path.Combine(dir, "model");
        TabularTraining.Train(PipelineFiles.Pipeline("clinical-logistic.yaml"), train, "pN", modelDir);
        var narrow = PipelineFiles.WriteTable(dir, "narrow.csv", 10, 4, seed: 64, withLabel: false);

        var ex = Assert.Throws<FeatureTableException>(() => TabularPrediction.Predict(modelDir, narrow, Path.Combine(dir, "s.csv")));
        Assert.Contains("'f4'", ex.Message);
    }

    [Fact]
    public void FeatureTable_NaNCell_IsRejectedWithFileLineAndColumn()
    {
        var dir = PipelineFiles.TempDirectory();
        var path = Path.Combine(dir, "t.csv");
        File.WriteAllText(path, "id,pN,a,b\nc1,1,0.5,1\nc2,0,NaN,2\n");
        var ex = Assert.Throws<FeatureTableException>(() => FeatureTable.Load(path, "pN"));
        Assert.Contains("line 3", ex.Message);
        Assert.Contains("'a'", ex.Message);
    }

    [Fact]
    public void FeatureTable_MissingLabelColumn_AndNonNumericFeature_AreNamed()
    {
        var dir = PipelineFiles.TempDirectory();
        var path = Path.Combine(dir, "t.csv");
        File.WriteAllText(path, "id,pN,sex\nc1,1,male\n");
        Assert.Contains("'y'", Assert.Throws<FeatureTableException>(() => FeatureTable.Load(path, "y")).Message);
        Assert.Contains("'sex'", Assert.Throws<FeatureTableException>(() => FeatureTable.Load(path, "pN")).Message);
    }

    [Fact]
    public void Train_OneClassOnly_IsRejected()
    {
        var dir = PipelineFiles.TempDirectory();
        var path = Path.Combine(dir, "t.csv");
        File.WriteAllText(path, "id,pN,a\nc1,1,0.5\nc2,1,0.7\nc3,1,0.1\n");
        var ex = Assert.Throws<FeatureTableException>(() =>
            TabularTraining.Train(PipelineFiles.Pipeline("radiomics-svm.yaml"), path, "pN", Path.Combine(dir, "m")));
        Assert.Contains("only one class", ex.Message);
    }

    [Fact]
    public void FeatureTable_ParsesQuotedFields()
    {
        var dir = PipelineFiles.TempDirectory();
        var path = Path.Combine(dir, "t.csv");
        File.WriteAllText(path, "id,pN,a\n\"case, \"\"one\"\"\",1,2.5\n");
        var table = FeatureTable.Load(path, "pN");
        Assert.Equal("case, \"one\"", table.Ids[0]);
        Assert.Equal(2.5f, table.Rows[0][0]);
    }
}
