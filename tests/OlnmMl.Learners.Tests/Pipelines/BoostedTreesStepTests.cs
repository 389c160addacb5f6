using Microsoft.ML;
using Microsoft.ML.Data;
using OlnmMl.Learners.Data;
using OlnmMl.Learners.Pipelines;

namespace OlnmMl.Learners.Tests.Pipelines;

/// <summary>The fasttree/lightgbm YAML steps: parsed as written, and fitted as ML.NET's own trainer called directly.</summary>
public class BoostedTreesStepTests
{
    [Theory]
    [InlineData("fasttree", BoostedTreesTrainer.FastTree)]
    [InlineData("lightgbm", BoostedTreesTrainer.LightGbm)]
    public void Yaml_step_is_the_builder_step_and_writes_back(string kind, BoostedTreesTrainer trainer)
    {
        var yaml = $"name: p\nsteps:\n  - normalize: min-max\n  - {kind}: {{number_of_trees: 30, number_of_leaves: 6, minimum_example_count_per_leaf: 4, learning_rate: 0.1}}";
        var options = new BoostedTreesOptions { NumberOfTrees = 30, NumberOfLeaves = 6, MinimumExampleCountPerLeaf = 4, LearningRate = 0.1 };
        var builder = new TabularPipelineBuilder("p").NormalizeMinMax();
        var built = (trainer == BoostedTreesTrainer.FastTree ? builder.FastTree(options) : builder.LightGbm(options)).Build();

        var parsed = TabularPipelineYaml.Parse(yaml);

        var step = Assert.IsType<BoostedTreesStep>(parsed.Steps[^1]);
        Assert.Equal((trainer, kind), (step.Trainer, step.Kind));
        Assert.Equal((30, 6, 4, 0.1), (step.TreesOptions.NumberOfTrees, step.TreesOptions.NumberOfLeaves, step.TreesOptions.MinimumExampleCountPerLeaf, step.TreesOptions.LearningRate));
        Assert.Equal(TabularPipelineYaml.Write(built), TabularPipelineYaml.Write(parsed));
        Assert.Equal(TabularPipelineYaml.Write(parsed), TabularPipelineYaml.Write(TabularPipelineYaml.Parse(TabularPipelineYaml.Write(parsed))));
    }

    [Theory]
    [InlineData("steps:\n  - fasttree: {learning_rate: 0}", "learning_rate")]
    [InlineData("steps:\n  - lightgbm: {number_of_leaves: 1}", "number_of_leaves")]
    [InlineData("steps:\n  - lightgbm: {trees: 10}", "unknown option 'trees'")]
    public void Invalid_options_name_the_problem(string yaml, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => TabularPipelineYaml.Parse(yaml, "bad.yaml"));
        Assert.Contains(expected, ex.Message);
    }

    [Theory]
    [InlineData(BoostedTreesTrainer.FastTree)]
    [InlineData(BoostedTreesTrainer.LightGbm)]
    public void Fitted_step_predicts_as_the_mlnet_trainer_called_directly(BoostedTreesTrainer trainer)
    {
        var (x, y) = TestData.Gaussian(200, 5, informative: 2, shift: 1.0, seed: 11);
        var options = new BoostedTreesOptions { NumberOfTrees = 25, NumberOfLeaves = 8, MinimumExampleCountPerLeaf = 5, LearningRate = 0.15 };
        var step = new BoostedTreesStep(trainer, options);
        var ml = new MLContext(seed: 4);
        var data = TestData.Create(ml, x, y);
        var fitted = step.CreateEstimator(ml, new TabularFitContext(data, [])).Fit(data);
        var direct = new MLContext(seed: 4);
        var trainers = direct.BinaryClassification.Trainers;
        IEstimator<ITransformer> reference = trainer == BoostedTreesTrainer.FastTree
            ? trainers.FastTree(numberOfLeaves: 8, numberOfTrees: 25, minimumExampleCountPerLeaf: 5, learningRate: 0.15)
            : trainers.LightGbm(numberOfLeaves: 8, minimumExampleCountPerLeaf: 5, learningRate: 0.15, numberOfIterations: 25);
        var referenceData = TestData.Create(direct, x, y);
        var expected = reference.Fit(referenceData).Transform(referenceData).GetColumn<float>(DefaultColumnNames.Probability).ToArray();

        var actual = fitted.Transform(data).GetColumn<float>(DefaultColumnNames.Probability).ToArray();

        Assert.Equal(expected, actual);
        Assert.True(expected.Distinct().Count() > 10, "the trees must separate the rows");
    }

    [Fact]
    public void A_lightgbm_tree_without_a_split_is_reported_in_terms_of_the_options()
    {
        // Ten rows and at least eight per leaf: no split is possible, LightGBM returns one-leaf trees (dotnet/machinelearning#5022).
        var (x, y) = TestData.Gaussian(10, 2, informative: 1, shift: 1.0, seed: 3);
        var ml = new MLContext(seed: 1);
        var data = TestData.Create(ml, x, y);
        var step = new BoostedTreesStep(BoostedTreesTrainer.LightGbm, new BoostedTreesOptions { NumberOfTrees = 5, MinimumExampleCountPerLeaf = 8 });

        var error = Assert.Throws<InvalidOperationException>(() => step.CreateEstimator(ml, new TabularFitContext(data, [])).Fit(data));

        Assert.Contains("minimum_example_count_per_leaf = 8", error.Message);
    }
}
