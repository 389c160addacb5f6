using Microsoft.ML;
using Microsoft.ML.Data;
using OlnmMl.Learners.Data;
using OlnmMl.Learners.Pipelines;

namespace OlnmMl.Learners.Tests.Pipelines;

/// <summary>
/// ML.NET's PredictionEngine over a fitted tabular model (<see cref="TabularModel.Transformer"/>): this library's
/// steps are row-to-row mappers, so one row at a time gives the batch transform's score and probability, also after
/// the model folder is saved and loaded.
/// </summary>
public class PredictionEngineTests
{
    [Theory]
    [InlineData("logistic: {}")]
    [InlineData("svm: {kernel: rbf}")]
    public void One_row_at_a_time_gives_the_batch_probability(string trainer)
    {
        var ml = new MLContext(0);
        var pipeline = TabularPipelineYaml.Parse($"name: p\nsteps:\n  - impute: {{method: median}}\n  - select: {{method: finite-non-constant}}\n  - normalize: mean-variance\n  - {trainer}");
        var train = TestData.Create(ml, [.. ImputedModels.X.Select(r => r.Append(1f).ToArray())], ImputedModels.Y);
        var model = ImputedModels.Fit(ml, pipeline, train);
        float[][] rows = [[0.5f, 0.9f, 1f], [float.NaN, 0.3f, 1f], [4.2f, float.NegativeInfinity, 1f]];
        var batch = model.Transform(TestData.Create(ml, rows, [false, false, true]));
        var expected = batch.GetColumn<float>(DefaultColumnNames.Probability).Zip(batch.GetColumn<float>(DefaultColumnNames.Score)).ToArray();
        var dir = Path.Combine(Path.GetTempPath(), "olnm-engine-" + Guid.NewGuid().ToString("N"));
        try
        {
            model.Save(ml, dir);
            foreach (var fitted in new[] { model, TabularModel.Load(ml, dir) })
            {
                var engine = ml.Model.CreatePredictionEngine<Input, Output>(fitted.Transformer, inputSchemaDefinition: InputSchema(3));

                var single = rows.Select(r => engine.Predict(new Input { Features = r })).Select(o => (o.Probability, o.Score)).ToArray();

                Assert.Equal(expected, single);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static SchemaDefinition InputSchema(int size)
    {
        var schema = SchemaDefinition.Create(typeof(Input));
        schema[nameof(Input.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, size);
        return schema;
    }

    public sealed class Input
    {
        public float[] Features { get; set; } = [];
    }

    public sealed class Output
    {
        public float Score { get; set; }

        public float Probability { get; set; }

        public bool PredictedLabel { get; set; }
    }
}
