using Microsoft.ML;
using Microsoft.ML.Data;
using OlnmMl.Learners.Clinical;
using OlnmMl.Learners.Data;
using OlnmMl.Learners.Imputation;
using OlnmMl.Learners.Pipelines;

namespace OlnmMl.Learners.Tests.Pipelines;

/// <summary>
/// The impute step: each slot's NaN/±∞ become the median or mean of that slot's finite training values (hand-computed
/// below), the fitted values survive save → load (alone and in a model folder), and the YAML key round-trips.
/// </summary>
public class ImputeStepTests
{
    // Slot a: finite training values 1, 3, 10 (NaN and +∞ left out): median 3, mean 14/3.
    // Slot b: finite training values 2, 4, 6, 8 (−∞ left out): median (4 + 6)/2 = 5, mean 20/4 = 5.
    // Slot c: constant 7: median = mean = 7.
    private static readonly float[][] Train =
        [[1, 2, 7], [float.NaN, 4, 7], [3, 6, 7], [float.PositiveInfinity, 8, 7], [10, float.NegativeInfinity, 7]];

    private static readonly bool[] Labels = [false, true, false, true, true];

    [Theory]
    [InlineData(ImputationMethod.Median, 3f, 5f)]
    [InlineData(ImputationMethod.Mean, 14f / 3, 5f)]
    public void Non_finite_values_take_the_slots_statistic_of_the_finite_training_values(ImputationMethod method, float a, float b)
    {
        var ml = new MLContext(0);
        var transformer = new ImputeEstimator(new ImputeOptions { Method = method }).Fit(TestData.Create(ml, Train, Labels));

        Assert.Equal([a, b, 7f], transformer.Values);
        Assert.Equal([[1, 2, 7], [a, 4, 7], [3, 6, 7], [a, 8, 7], [10, b, 7]], Features(transformer.Transform(TestData.Create(ml, Train, Labels))));
        var other = TestData.Create(ml, [[float.NegativeInfinity, float.NaN, 100]], [true]);
        Assert.Equal([[a, b, 100]], Features(transformer.Transform(other)));
        Assert.Equal(["x0", "x1", "x2"], SlotNames(transformer.Transform(other)));
    }

    [Fact]
    public void A_slot_without_a_finite_training_value_is_named()
    {
        var ml = new MLContext(0);
        var data = TestData.Create(ml, [[1, float.NaN], [2, float.PositiveInfinity]], [false, true], ["size", "texture"]);

        var error = Assert.Throws<ArgumentException>(() => new ImputeEstimator(new ImputeOptions()).Fit(data));

        Assert.StartsWith("Column 'Features', slot 'texture' has no finite value on the training rows", error.Message);
    }

    [Fact]
    public void Save_then_load_gives_the_same_values_and_a_foreign_file_is_refused()
    {
        var ml = new MLContext(0);
        var fitted = new ImputeEstimator(new ImputeOptions { Method = ImputationMethod.Mean }).Fit(TestData.Create(ml, Train, Labels));
        using var stream = new MemoryStream();
        fitted.Save(stream);
        stream.Position = 0;

        var loaded = ImputeTransformer.Load(stream);

        Assert.Equal((ImputationMethod.Mean, "Features"), (loaded.Method, loaded.ColumnName));
        Assert.Equal(fitted.Values, loaded.Values);
        Assert.Equal(fitted.SlotNames, loaded.SlotNames);
        using var foreign = new MemoryStream();
        new BinaryWriter(foreign).Write("OLNM-SELECT");
        foreign.Position = 0;
        Assert.Contains("Not an imputation", Assert.Throws<InvalidDataException>(() => ImputeTransformer.Load(foreign)).Message);
    }

    [Fact]
    public void Yaml_step_is_the_builder_step_and_writes_back()
    {
        var built = new TabularPipelineBuilder("p").Impute(new ImputeOptions { Method = ImputationMethod.Mean }).NormalizeMeanVariance().Logistic(new ClinicalLogisticOptions()).Build();

        var parsed = TabularPipelineYaml.Parse("name: p\nsteps:\n  - impute: {method: mean}\n  - normalize: mean-variance\n  - logistic: {}");

        Assert.Equal(ImputationMethod.Mean, Assert.IsType<ImputeStep>(parsed.Steps[0]).ImputeOptions.Method);
        Assert.Equal(TabularPipelineYaml.Write(built), TabularPipelineYaml.Write(parsed));
        Assert.Contains("  - impute:\n      method: mean\n", TabularPipelineYaml.Write(built).ReplaceLineEndings("\n"));
        var byDefault = TabularPipelineYaml.Parse("steps:\n  - impute: {}\n  - logistic: {}");
        Assert.Equal(ImputationMethod.Median, Assert.IsType<ImputeStep>(byDefault.Steps[0]).ImputeOptions.Method);
        var error = Assert.Throws<FormatException>(() => TabularPipelineYaml.Parse("steps:\n  - impute: {method: mode}\n  - logistic: {}", "bad.yaml"));
        Assert.Contains("bad.yaml: step 1 (impute): 'method': 'mode' is not one of median, mean", error.Message);
    }

    [Fact]
    public void Before_z_score_and_the_svm_a_missing_value_scores_as_the_training_median_and_the_model_folder_keeps_it()
    {
        var ml = new MLContext(0);
        var pipeline = TabularPipelineYaml.Parse("name: p\nsteps:\n  - impute: {method: median}\n  - normalize: mean-variance\n  - svm: {kernel: linear}");
        var model = ImputedModels.Fit(ml, pipeline, TestData.Create(ml, ImputedModels.X, ImputedModels.Y));
        var dir = Path.Combine(Path.GetTempPath(), "olnm-impute-" + Guid.NewGuid().ToString("N"));
        try
        {
            model.Save(ml, dir);
            var loaded = TabularModel.Load(ml, dir);

            // The training medians: slot 0 → 3, slot 1 → 0.4 (ImputedModels.X); the row with both missing scores as [3, 0.4].
            var rows = TestData.Create(ml, [[float.NaN, float.PositiveInfinity], [3f, 0.4f], [5f, float.NaN]], [false, false, true]);
            var before = Probabilities(model.Transform(rows));
            Assert.Equal(before[1], before[0]);
            Assert.Equal(before, Probabilities(loaded.Transform(rows)));
            Assert.Equal(("impute", "olnm-impute"), (loaded.Manifest.Steps[0].Kind, loaded.Manifest.Steps[0].Format));
            Assert.Equal([3f, 0.4f], Assert.IsType<ImputeTransformer>(loaded.Transformers[0]).Values);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static float[][] Features(IDataView data) =>
        [.. data.GetColumn<VBuffer<float>>(DefaultColumnNames.Features).Select(v => v.DenseValues().ToArray())];

    private static string[] SlotNames(IDataView data)
    {
        VBuffer<ReadOnlyMemory<char>> names = default;
        data.Schema[DefaultColumnNames.Features].GetSlotNames(ref names);
        return [.. names.DenseValues().Select(n => n.ToString())];
    }

    private static float[] Probabilities(IDataView scored) => [.. scored.GetColumn<float>(DefaultColumnNames.Probability)];
}
