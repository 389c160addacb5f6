using OlnmMl.Learners.Svm;

namespace OlnmMl.Learners.Tests.Svm;

public class SmoSolutionTests
{
    private static readonly string[] Names2 = ["a", "b"];

    [Fact]
    public void SeparableToySet_GivesTheHandCalculatedSupportVectors()
    {
        // Negatives (0,0), (1,0), (0,1); positives (2,2), (3,3), (2,3). The closest points of the convex hulls are
        // (0.5,0.5) and (2,2), so w ∝ (1,1). Margins f(2,2) = +1, f(1,0) = f(0,1) = −1 give w = (2/3, 2/3),
        // b = −5/3. From w = Σ α_i y_i x_i and Σ α_i y_i = 0 with symmetry: α(1,0) = α(0,1) = 2/9, α(2,2) = 4/9.
        double[] x = [0, 0, 1, 0, 0, 1, 2, 2, 3, 3, 2, 3];
        bool[] y = [false, false, false, true, true, true];
        var options = new KernelSvmOptions { Kernel = KernelType.Linear, C = 1000, Tolerance = 1e-8, Probability = false };

        var model = KernelSvmFitter.Fit(x, y, 2, Names2, options);

        Assert.Equal([1, 2, 3], model.SupportVectorIndices.ToArray().Order());
        var coef = model.SupportVectorIndices.ToArray().Zip(model.DualCoefficients.ToArray()).ToDictionary(p => p.First, p => p.Second);
        Assert.Equal(-2.0 / 9, coef[1], 6);
        Assert.Equal(-2.0 / 9, coef[2], 6);
        Assert.Equal(4.0 / 9, coef[3], 6);
        Assert.Equal(-5.0 / 3, model.Bias, 5);
        Assert.Equal(0.0, model.Decision([1.25, 1.25]), 5); // the separating line x1 + x2 = 2.5
    }

    [Theory]
    [InlineData(KernelType.Rbf, true)]
    [InlineData(KernelType.Rbf, false)]
    [InlineData(KernelType.Linear, true)]
    [InlineData(KernelType.Polynomial, true)]
    [InlineData(KernelType.Sigmoid, true)]
    public void DualSolution_SatisfiesKktConditions(KernelType kernel, bool shrinking)
    {
        // KKT of the C-SVC dual at tolerance ε: α = 0 ⇒ y f(x) ≥ 1; 0 < α < C ⇒ y f(x) = 1; α = C ⇒ y f(x) ≤ 1;
        // and Σ α_i y_i = 0, 0 ≤ α ≤ C.
        var (xs, y) = TestData.Gaussian(160, 5, 2, 0.8, seed: 7);
        var x = TestData.Flatten(xs);
        const double c = 2.0, eps = 1e-4;
        var options = new KernelSvmOptions
        {
            Kernel = kernel, C = c, Tolerance = eps, Shrinking = shrinking, Probability = false,
            Gamma = kernel == KernelType.Sigmoid ? SvmGamma.Fixed(0.05) : SvmGamma.Scale,
        };

        var model = KernelSvmFitter.Fit(x, y, 5, ["a", "b", "c", "d", "e"], options);

        var alpha = new double[y.Length];
        var idx = model.SupportVectorIndices.ToArray();
        var coef = model.DualCoefficients.ToArray();
        for (int s = 0; s < idx.Length; s++) alpha[idx[s]] = coef[s] * (y[idx[s]] ? 1 : -1);
        Assert.Equal(0.0, coef.Sum(), 9);
        const double tol = 2 * eps;
        for (int i = 0; i < y.Length; i++)
        {
            Assert.InRange(alpha[i], 0, c + 1e-12);
            var margin = (y[i] ? 1 : -1) * model.Decision(x.AsSpan(i * 5, 5));
            if (alpha[i] <= 0) Assert.True(margin >= 1 - tol, $"row {i}: α = 0 but y f = {margin}");
            else if (alpha[i] >= c) Assert.True(margin <= 1 + tol, $"row {i}: α = C but y f = {margin}");
            else Assert.True(Math.Abs(margin - 1) <= tol, $"row {i}: free α but y f = {margin}");
        }
    }

    [Fact]
    public void ShrinkingAndNoShrinking_ReachTheSameOptimum()
    {
        var (xs, y) = TestData.Gaussian(200, 4, 2, 0.7, seed: 3);
        var x = TestData.Flatten(xs);
        var names = new[] { "a", "b", "c", "d" };
        var on = KernelSvmFitter.Fit(x, y, 4, names, new KernelSvmOptions { Tolerance = 1e-6, Probability = false, Shrinking = true });
        var off = KernelSvmFitter.Fit(x, y, 4, names, new KernelSvmOptions { Tolerance = 1e-6, Probability = false, Shrinking = false });
        for (int i = 0; i < y.Length; i += 7)
            Assert.Equal(off.Decision(x.AsSpan(i * 4, 4)), on.Decision(x.AsSpan(i * 4, 4)), 4);
    }

    [Fact]
    public void ClassWeights_ScaleTheBoxConstraintPerClass()
    {
        // With C₊ = C·w₊ and C₋ = C·w₋, every positive α lies in [0, C·w₊] and every negative α in [0, C·w₋];
        // on overlapping classes some α reach their bound, so the larger bound is attained by a positive row.
        var (xs, y) = TestData.Gaussian(120, 2, 2, 0.3, seed: 5);
        var x = TestData.Flatten(xs);
        var model = KernelSvmFitter.Fit(x, y, 2, Names2,
            new KernelSvmOptions { C = 1, PositiveClassWeight = 3, NegativeClassWeight = 1, Probability = false });
        var coef = model.DualCoefficients.ToArray();
        Assert.Equal(3.0, coef.Max(), 9);
        Assert.Equal(-1.0, coef.Min(), 9);
    }

    [Fact]
    public void GammaScale_IsOneOverFeaturesTimesVariance()
    {
        // X = [[0, 0], [2, 2]]: entries {0, 0, 2, 2}, mean 1, variance 1, d = 2 ⇒ γ = 1 / (2 · 1) = 0.5.
        Assert.Equal(0.5, SvmGamma.Scale.Resolve([0, 0, 2, 2], 2, 2), 12);
        Assert.Equal(0.5, SvmGamma.Auto.Resolve([0, 0, 2, 2], 2, 2), 12);
        Assert.Equal(0.25, SvmGamma.Parse("0.25").Value);
        Assert.Throws<FormatException>(() => SvmGamma.Parse("wide"));
    }
}
