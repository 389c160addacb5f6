using Microsoft.ML;
using Microsoft.ML.Data;
using OlnmMl.Learners.Data;
using OlnmMl.Learners.Pipelines;

namespace OlnmMl.Learners.Tests.Pipelines;

/// <summary>
/// The lbfgs-logistic step: its YAML, and its ridge fit against scikit-learn's LogisticRegression(C = 1/l2) on twelve
/// rows (Fixtures/lbfgs_logistic_reference.py; both minimise Σ log-loss + (l2/2)‖w‖² with the intercept unpenalised).
/// </summary>
public class LbfgsLogisticStepTests
{
    private static readonly float[][] X =
        [[0.0f, 1.0f], [0.5f, 0.2f], [1.0f, 0.8f], [1.5f, 0.1f], [2.0f, 0.9f], [2.5f, 0.4f], [3.0f, 0.7f], [3.5f, 0.3f], [4.0f, 0.6f], [4.5f, 0.0f], [5.0f, 0.5f], [5.5f, 0.2f]];

    private static readonly bool[] Y = [.. new[] { 0, 0, 0, 1, 0, 0, 1, 0, 1, 1, 1, 1 }.Select(v => v == 1)];

    [Theory]
    [InlineData(1.0, new[] { 0.070805, 0.128270, 0.163127, 0.268153, 0.315042, 0.450325, 0.540559, 0.671057, 0.745532, 0.842789, 0.879452, 0.924889 })]
    [InlineData(0.1, new[] { 0.026206, 0.105160, 0.092169, 0.283101, 0.213010, 0.455111, 0.505224, 0.737302, 0.774331, 0.922406, 0.920193, 0.965787 })]
    public void The_ridge_fit_gives_scikit_learns_probabilities(double l2, double[] expected)
    {
        var ml = new MLContext(0);
        var data = TestData.Create(ml, X, Y);
        var step = new LbfgsLogisticStep(new LbfgsLogisticOptions { L2Regularization = l2, L1Regularization = 0 });

        var probabilities = step.CreateEstimator(ml, new TabularFitContext(data, [])).Fit(data).Transform(data)
            .GetColumn<float>(DefaultColumnNames.Probability).ToArray();

        Assert.All(expected.Zip(probabilities), pair => Assert.Equal(pair.First, pair.Second, 1e-3));
    }

    [Fact]
    public void Yaml_step_is_the_builder_step_and_writes_back()
    {
        var built = new TabularPipelineBuilder("p").NormalizeMeanVariance().LbfgsLogistic(new LbfgsLogisticOptions { L2Regularization = 0.5, L1Regularization = 0 }).Build();

        var parsed = TabularPipelineYaml.Parse("name: p\nsteps:\n  - normalize: mean-variance\n  - lbfgs-logistic: {l2_regularization: 0.5, l1_regularization: 0}");

        var step = Assert.IsType<LbfgsLogisticStep>(parsed.Steps[^1]);
        Assert.Equal((0.5, 0.0), (step.LogisticOptions.L2Regularization, step.LogisticOptions.L1Regularization));
        Assert.Equal(TabularPipelineYaml.Write(built), TabularPipelineYaml.Write(parsed));
        var error = Assert.Throws<FormatException>(() => TabularPipelineYaml.Parse("steps:\n  - lbfgs-logistic: {l2_regularization: -1}", "bad.yaml"));
        Assert.Contains("bad.yaml: step 1 (lbfgs-logistic): l2_regularization (-1)", error.Message);
    }
}
