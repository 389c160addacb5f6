using Microsoft.ML;
using OlnmMl.Learners.Data;
using OlnmMl.Learners.Selection;

namespace OlnmMl.Learners.Tests.Selection;

public class LassoTests
{
    [Fact]
    public void PathSolution_SatisfiesTheLassoKktConditions()
    {
        // For −(1/n)ℓ(β) + λ‖β‖₁ on z-scores, at the optimum g_j = (1/n) Σ z_ij (y_i − p_i) equals λ·sign(β_j) when
        // β_j ≠ 0 and |g_j| ≤ λ when β_j = 0; and Σ (y_i − p_i) = 0 (unpenalised intercept).
        var (xs, y) = TestData.Gaussian(150, 8, 3, 0.6, seed: 41);
        var x = TestData.Flatten(xs);
        var rows = Enumerable.Range(0, 150).ToArray();
        var lambdaMax = LassoLogisticPath.LambdaMax(x, 8, rows, y);
        double[] lambdas = [lambdaMax * 1.001, lambdaMax * 0.5, lambdaMax * 0.1];

        var path = LassoLogisticPath.Fit(x, 8, rows, y, lambdas, 1e-12, 10_000);

        Assert.All(path.Coefficients[0], b => Assert.Equal(0, b));
        var m = new DenseFeatureMatrix(x, 150, 8, y, Enumerable.Range(0, 8).Select(j => $"x{j}").ToArray());
        for (int l = 1; l < lambdas.Length; l++)
        {
            var residual = rows.Select(i => (y[i] ? 1 : 0) - 1 / (1 + Math.Exp(-path.LinearPredictor(l, m.Row(i))))).ToArray();
            Assert.Equal(0, residual.Sum(), 4);
            for (int j = 0; j < 8; j++)
            {
                var col = rows.Select(i => x[i * 8 + j]).ToArray();
                var mean = col.Average();
                var sd = Math.Sqrt(col.Select(v => (v - mean) * (v - mean)).Average());
                var g = rows.Sum(i => (col[i] - mean) / sd * residual[i]) / 150;
                var beta = path.Coefficients[l][j];
                if (beta != 0) Assert.Equal(lambdas[l] * Math.Sign(beta), g, 4);
                else Assert.True(Math.Abs(g) <= lambdas[l] + 1e-4, $"λ {lambdas[l]}: |g_{j}| = {Math.Abs(g)}");
            }
        }
    }

    [Fact]
    public void CrossValidatedLasso_KeepsTheInformativeFeatures()
    {
        var ml = new MLContext(1);
        var (x, y) = TestData.Gaussian(300, 15, 3, 0.8, seed: 42);
        var selection = ml.Transforms.SelectFeaturesByLasso(new LassoSelectionOptions { Rule = LambdaRule.OneStandardError, Seed = 2 })
            .Fit(TestData.Create(ml, x, y));
        Assert.Contains(0, selection.SelectedIndices);
        Assert.Contains(1, selection.SelectedIndices);
        Assert.Contains(2, selection.SelectedIndices);
        Assert.True(selection.SelectedIndices.Count < 10, $"kept {selection.SelectedIndices.Count} of 15");
    }

    [Fact]
    public void FewerRowsThanFolds_IsRejected()
    {
        var ml = new MLContext(1);
        var (x, y) = TestData.Gaussian(4, 3, 1, 1, seed: 43);
        var ex = Assert.Throws<ArgumentException>(() => ml.Transforms.SelectFeaturesByLasso(folds: 5).Fit(TestData.Create(ml, x, y)));
        Assert.Contains("Folds", ex.Message);
    }
}
