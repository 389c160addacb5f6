using System.Text.Json;
using Microsoft.ML;
using OlnmMl.Onnx.Export;
using OlnmMl.Onnx.Graph;
using OlnmMl.Onnx.Scoring;
using Xunit.Abstractions;

namespace OlnmMl.Onnx.Tests;

/// <summary>The <c>olnm export</c> path (saved model folder → .onnx) and the ApplyOnnxModel round trip back into ML.NET.</summary>
public sealed class ModelFolderExportTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("olnm-onnx-").FullName;

    private (MLContext Ml, ITransformer Model, string OnnxPath) ExportFromFolder()
    {
        var ml = new MLContext(seed: 3);
        var data = TabularData.WithSlotNames(ml, TabularData.Make(300, seed: 7));
        var model = ml.Transforms.NormalizeMinMax("Features", fixZero: false)
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression())
            .Fit(data);
        var modelFolder = Directory.CreateDirectory(Path.Combine(_folder, "model")).FullName;
        ml.Model.Save(model, data.Schema, Path.Combine(modelFolder, OnnxModelExport.ModelFileName));
        var metadata = new OnnxModelMetadata { Pipeline = "minmax → logistic", Seed = 3, TrainingCohorts = ["training"] };
        File.WriteAllText(Path.Combine(modelFolder, OnnxModelExport.MetadataFileName), JsonSerializer.Serialize(metadata));
        var onnxPath = Path.Combine(_folder, "model.onnx");

        OnnxModelExport.ExportModelDirectory(modelFolder, onnxPath);
        return (ml, model, onnxPath);
    }

    [Fact]
    public void Export_of_a_saved_model_folder_keeps_metadata_slot_names_and_probabilities()
    {
        var (ml, model, onnxPath) = ExportFromFolder();
        var inputs = TabularData.RandomBatch(7, seed: 21);
        var expected = MlNetTabularParityTests.InProcess(ml, model, inputs);

        using var scorer = new OnnxScorer(onnxPath);
        var actual = scorer.Predict(inputs, [7, TabularData.FeatureCount]);

        Assert.Equal("minmax → logistic", scorer.Metadata.Pipeline);
        Assert.Equal(["training"], scorer.Metadata.TrainingCohorts);
        Assert.Equal(TabularData.FeatureNames, scorer.Metadata.Inputs.Single(i => i.Name == "radiomics").SlotNames);
        Assert.All(expected.Select((e, i) => Math.Abs(e.Probability - actual[i])), d => Assert.True(d <= 1e-4, $"|Δp| = {d}"));
    }

    private sealed class OnnxRow
    {
        [Microsoft.ML.Data.VectorType(TabularData.FeatureCount)]
        [Microsoft.ML.Data.ColumnName("radiomics")]
        public float[] Radiomics { get; set; } = [];
    }

    private sealed class OnnxOutput
    {
        [Microsoft.ML.Data.ColumnName("probability")]
        public float[] Probability { get; set; } = [];
    }

    [Fact]
    public void ApplyOnnxModel_round_trip_reproduces_mlnet_probabilities()
    {
        var (ml, model, onnxPath) = ExportFromFolder();
        var inputs = TabularData.RandomBatch(7, seed: 22);
        var expected = MlNetTabularParityTests.InProcess(ml, model, inputs);
        var rows = TabularData.Rows(inputs).Select(r => new OnnxRow { Radiomics = r.Features });

        var onnx = ml.Transforms.ApplyOnnxModel(["probability"], ["radiomics"], onnxPath);
        var view = ml.Data.LoadFromEnumerable(rows);
        var scored = onnx.Fit(view).Transform(view);
        var actual = ml.Data.CreateEnumerable<OnnxOutput>(scored, reuseRowObject: false).Select(o => Assert.Single(o.Probability)).ToArray();

        var maxDelta = expected.Select((e, i) => Math.Abs(e.Probability - actual[i])).Max();
        output.WriteLine($"ApplyOnnxModel batch 7: max |Δp| = {maxDelta:E2}");
        Assert.True(maxDelta <= 1e-4, $"max |Δp| = {maxDelta}");
    }

    [Fact]
    public void Folder_without_model_zip_is_named_in_the_error()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_folder, "empty")).FullName;

        var e = Assert.Throws<FileNotFoundException>(() => OnnxModelExport.ExportModelDirectory(empty, Path.Combine(_folder, "x.onnx")));

        Assert.Contains(empty, e.Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
