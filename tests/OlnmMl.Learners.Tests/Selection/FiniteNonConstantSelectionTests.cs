using Microsoft.ML;
using Microsoft.ML.Data;
using OlnmMl.Learners.Data;
using OlnmMl.Learners.Pipelines;
using OlnmMl.Learners.Selection;

namespace OlnmMl.Learners.Tests.Selection;

/// <summary>The finite-non-constant selection: the main job's column rule (finite on every training row, not constant) as a step.</summary>
public class FiniteNonConstantSelectionTests
{
    // a varies (kept); b is constant 5 (dropped); c has a NaN (dropped); d varies (kept); e has a +∞ (dropped).
    private static readonly float[][] Train =
        [[1, 5, 1, 0, 1], [2, 5, float.NaN, 1, 2], [3, 5, 2, 0, float.PositiveInfinity], [4, 5, 3, 1, 3]];

    private static readonly bool[] Labels = [false, true, false, true];

    private static readonly string[] Names = ["a", "b", "c", "d", "e"];

    [Fact]
    public void Non_finite_and_constant_training_columns_are_dropped_and_the_others_kept_in_order()
    {
        var ml = new MLContext(0);

        var selection = new FeatureSelectionEstimator(new FiniteNonConstantSelectionOptions()).Fit(TestData.Create(ml, Train, Labels, Names));

        Assert.Equal([0, 3], selection.SelectedIndices);
        Assert.Equal(["a", "d"], selection.SelectedSlotNames);
        // Population variances: a = (2.25 + 0.25 + 0.25 + 2.25)/4 = 1.25, b = 0, d = 0.25; c and e are NaN.
        Assert.Equal([1.25, 0, double.NaN, 0.25, double.NaN], selection.Scores, (x, y) => x.Equals(y) || Math.Abs(x - y) < 1e-12);
        // Applied to another row, a non-finite value of a kept slot passes unchanged (imputing is the impute step's job).
        var other = selection.Transform(TestData.Create(ml, [[float.NaN, 0, 0, 7, 0]], [true], Names));
        Assert.Equal([float.NaN, 7f], other.GetColumn<VBuffer<float>>(DefaultColumnNames.Features).Single().DenseValues());
    }

    [Fact]
    public void Nothing_left_is_an_error_naming_the_rule()
    {
        var ml = new MLContext(0);
        var data = TestData.Create(ml, [[1, float.NaN], [1, 2]], [false, true]);

        var error = Assert.Throws<InvalidOperationException>(() => new FeatureSelectionEstimator(new FiniteNonConstantSelectionOptions()).Fit(data));

        Assert.Equal("Feature selection 'finite-non-constant' kept no feature (every feature is non-finite or constant on the training rows); relax the criterion.", error.Message);
    }

    [Fact]
    public void Yaml_method_is_the_builder_step_and_writes_back()
    {
        var built = new TabularPipelineBuilder("p").Select(new FiniteNonConstantSelectionOptions()).NormalizeMeanVariance().KernelSvm(new()).Build();

        var parsed = TabularPipelineYaml.Parse("name: p\nsteps:\n  - select: {method: finite-non-constant}\n  - normalize: mean-variance\n  - svm: {}");

        Assert.IsType<FiniteNonConstantSelectionOptions>(Assert.IsType<SelectStep>(parsed.Steps[0]).SelectionOptions);
        Assert.Equal(TabularPipelineYaml.Write(built), TabularPipelineYaml.Write(parsed));
    }
}
