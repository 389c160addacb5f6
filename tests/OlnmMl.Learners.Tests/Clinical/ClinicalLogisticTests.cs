using Microsoft.ML;
using Microsoft.ML.Data;
using OlnmMl.Learners.Clinical;
using OlnmMl.Learners.Svm;

namespace OlnmMl.Learners.Tests.Clinical;

public class ClinicalLogisticTests
{
    private readonly MLContext _ml = new(seed: 1);

    [Fact]
    public void BinaryPredictor_ReproducesThe2x2TableOddsRatioAndWoolfInterval()
    {
        // Exposed: 20 cases, 10 controls; unexposed: 10 cases, 30 controls. The logistic MLE of a single binary
        // predictor is the 2×2 log odds ratio: OR = (20·30)/(10·10) = 6, SE = √(1/20 + 1/10 + 1/10 + 1/30) = 0.532291,
        // z = ln 6 / SE = 3.366130, p = 7.623e-4, 95% CI = exp(ln 6 ± 1.959964·SE) = (2.1138, 17.0309);
        // the intercept is the unexposed log odds ln(10/30).
        var (x, y) = TwoByTwo(20, 10, 10, 30);

        var table = LogisticRegression.Fit(x, y, ["exposed"]);

        Assert.Equal(Math.Log(10.0 / 30), table[0].Estimate, 8);
        var exposed = table[1];
        Assert.Equal("exposed", exposed.Name);
        Assert.Equal(6.0, exposed.OddsRatio, 6);
        Assert.Equal(0.532291, exposed.StandardError, 6);
        Assert.Equal(3.366130, exposed.Z, 5);
        Assert.Equal(7.623e-4, exposed.P, 6);
        Assert.Equal(2.1138, exposed.OddsRatioLower, 3);
        Assert.Equal(17.0309, exposed.OddsRatioUpper, 3);
    }

    [Fact]
    public void MultivariableFit_SolvesTheScoreEquations()
    {
        // At the MLE Σ (y_i − p_i) = 0 and Σ x_ij (y_i − p_i) = 0 for every predictor j.
        var (xs, y) = TestData.Gaussian(200, 3, 2, 0.5, seed: 51);
        var data = TestData.Create(_ml, xs, y, ["age", "diameter", "solid"]);
        var model = _ml.BinaryClassification.Trainers.ClinicalLogistic().Fit(data);

        var p = model.Transform(data).GetColumn<float>("Probability").Select(v => (double)v).ToArray();
        Assert.Equal(0, y.Select((l, i) => (l ? 1 : 0) - p[i]).Sum(), 3);
        for (int j = 0; j < 3; j++)
            Assert.Equal(0, y.Select((l, i) => xs[i][j] * ((l ? 1 : 0) - p[i])).Sum(), 3);
        Assert.Equal(["(Intercept)", "age", "diameter", "solid"], model.Coefficients.Select(c => c.Name));
    }

    [Fact]
    public void UnivariableTable_EqualsOneModelPerVariable()
    {
        var (xs, y) = TestData.Gaussian(150, 2, 1, 0.5, seed: 52);
        var data = TestData.Create(_ml, xs, y, ["a", "b"]);
        var table = ClinicalLogisticTrainer.UnivariableTable(data, new ClinicalLogisticOptions());
        var alone = LogisticRegression.Fit(xs.Select(r => (double)r[1]).ToArray(), y, ["b"]);
        Assert.Equal(alone[1], table[1]);
    }

    [Fact]
    public void StackedSignature_CombinesScoreColumns_AndEvaluates()
    {
        var (xs, y) = TestData.Gaussian(200, 4, 2, 0.7, seed: 53);
        var data = TestData.Create(_ml, xs, y);
        var pipeline = _ml.BinaryClassification.Trainers.KernelSvm()
            .Append(_ml.Transforms.CopyColumns("SvmScore", "Score"))
            .Append(_ml.Transforms.CustomMapping<TestData.Row, FirstFeature>((r, o) => o.Age = r.Features[0], contractName: null))
            .Append(_ml.Transforms.Concatenate("Signature", "SvmScore", "Age"))
            .Append(_ml.BinaryClassification.Trainers.ClinicalLogistic(featureColumnName: "Signature"));

        var model = pipeline.Fit(data);
        var metrics = _ml.BinaryClassification.Evaluate(model.Transform(data));

        var stacked = model.LastTransformer;
        Assert.Equal(["(Intercept)", "SvmScore", "Age"], stacked.Coefficients.Select(c => c.Name));
        Assert.True(stacked.Coefficients[1].OddsRatio > 1, "a higher SVM score should raise the odds");
        Assert.InRange(metrics.AreaUnderRocCurve, 0.5, 1.0);
    }

    [Fact]
    public void ConstantPredictor_IsReportedAsSingular()
    {
        var (x, y) = TwoByTwo(5, 5, 5, 5);
        var withConstant = x.SelectMany(v => new[] { v, 1.0 }).ToArray();
        var ex = Assert.Throws<InvalidOperationException>(() => LogisticRegression.Fit(withConstant, y, ["exposed", "always"]));
        Assert.Contains("'always'", ex.Message);
    }

    [Fact]
    public void SeparatedPredictor_IsNamed()
    {
        var (x, y) = TwoByTwo(10, 0, 0, 10);
        var ex = Assert.Throws<InvalidOperationException>(() => LogisticRegression.Fit(x, y, ["perfect"], maxIterations: 30));
        Assert.Contains("'perfect'", ex.Message);
    }

    private static (double[] X, bool[] Y) TwoByTwo(int exposedCases, int exposedControls, int unexposedCases, int unexposedControls)
    {
        var x = new List<double>();
        var y = new List<bool>();
        void Add(double v, bool l, int count) { for (int i = 0; i < count; i++) { x.Add(v); y.Add(l); } }
        Add(1, true, exposedCases);
        Add(1, false, exposedControls);
        Add(0, true, unexposedCases);
        Add(0, false, unexposedControls);
        return (x.ToArray(), y.ToArray());
    }

    private sealed class FirstFeature
    {
        public float Age { get; set; }
    }
}
