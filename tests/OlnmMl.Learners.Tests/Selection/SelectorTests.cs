using Microsoft.ML;
using Microsoft.ML.Data;
using OlnmMl.Learners.Selection;
using OlnmMl.Learners.Statistics;
using OlnmMl.Learners.Svm;

namespace OlnmMl.Learners.Tests.Selection;

public class SelectorTests
{
    private readonly MLContext _ml = new(seed: 1);

    [Fact]
    public void DecisionTree_GiniImportance_MatchesHandCalculation()
    {
        // Rows (a, b, c; y): (0,0,5;0) (0,1,5;0) (1,0,5;0) (1,1,5;1) (1,1,5;1) (0,0,5;0) (0,1,5;0), N = 7, 2 positives.
        // Root: N·G = 2·2·5/7 = 20/7. Split on a: right {3,4,5} has 2/3 positive (n·G = 4/3), left pure:
        // decrease 20/7 − 4/3 = 32/21. Split on b: {2,4,5,7} 2/4 (n·G = 2), decrease 6/7 < 32/21, so a is the root.
        // Node a = 1 splits on b perfectly: decrease 4/3 = 28/21. Normalised: a = 32/60, b = 28/60, c (constant) = 0.
        float[][] x = [[0, 0, 5], [0, 1, 5], [1, 0, 5], [1, 1, 5], [1, 1, 5], [0, 0, 5], [0, 1, 5]];
        bool[] y = [false, false, false, true, true, false, false];
        var data = TestData.Create(_ml, x, y, ["a", "b", "c"]);

        var selection = _ml.Transforms.SelectFeaturesByDecisionTree(topK: 1).Fit(data);

        Assert.Equal([0], selection.SelectedIndices);
        Assert.Equal(32.0 / 60, selection.Scores[0], 12);
        Assert.Equal(28.0 / 60, selection.Scores[1], 12);
        Assert.Equal(0.0, selection.Scores[2]);
    }

    [Fact]
    public void Selection_KeepsSlotNamesAndValues_AndFitsOnTheRowsGiven()
    {
        var (x, y) = TestData.Gaussian(120, 12, 3, 1.0, seed: 31);
        var names = Enumerable.Range(0, 12).Select(j => $"feat_{j}").ToArray();
        var data = TestData.Create(_ml, x, y, names);

        var selection = _ml.Transforms.SelectFeaturesByDecisionTree(topK: 4).Fit(data);
        var output = selection.Transform(data);

        var column = output.Schema["Features"];
        Assert.Equal(4, ((VectorDataViewType)column.Type).Size);
        var slotNames = default(VBuffer<ReadOnlyMemory<char>>);
        column.GetSlotNames(ref slotNames);
        Assert.Equal(selection.SelectedSlotNames, slotNames.DenseValues().Select(s => s.ToString()));
        var first = output.GetColumn<float[]>("Features").First();
        Assert.Equal(selection.SelectedIndices.Select(j => x[0][j]), first);
        Assert.Contains(0, selection.SelectedIndices); // the three informative features dominate the importance
    }

    [Fact]
    public void UTest_KeepsTheShiftedFeatures_ScoresArePValues()
    {
        var (x, y) = TestData.Gaussian(200, 10, 2, 1.0, seed: 32);
        var selection = _ml.Transforms.SelectFeaturesByUTest(alpha: 0.001).Fit(TestData.Create(_ml, x, y));
        Assert.Equal([0, 1], selection.SelectedIndices);
        var col0 = x.Select(r => (double)r[0]).ToArray();
        Assert.Equal(MannWhitney.Test(col0, y, new int[200]).P, selection.Scores[0]);
    }

    [Fact]
    public void Icc_KeepsReproducibleFeatures()
    {
        // Feature 0 re-extracted with small noise (ICC ≈ 0.99), feature 1 replaced by independent noise (ICC ≈ 0).
        var rng = new Random(3);
        var (x, y) = TestData.Gaussian(100, 2, 0, 0, seed: 33);
        var retest = x.Select(r => new[] { r[0] + (float)(0.1 * TestData.Normal(rng)), (float)TestData.Normal(rng) }).ToArray();
        var selection = _ml.Transforms.SelectFeaturesByIcc(TestData.Create(_ml, retest, y), threshold: 0.75).Fit(TestData.Create(_ml, x, y));
        Assert.Equal([0], selection.SelectedIndices);
        Assert.InRange(selection.Scores[0], 0.97, 1.0);
        Assert.InRange(selection.Scores[1], -0.3, 0.3);
    }

    [Fact]
    public void Icc_SecondExtractionWithOtherRowCount_IsRejected()
    {
        var (x, y) = TestData.Gaussian(20, 2, 0, 0, seed: 34);
        var estimator = _ml.Transforms.SelectFeaturesByIcc(TestData.Create(_ml, x[..10], y[..10]));
        var ex = Assert.Throws<ArgumentException>(() => estimator.Fit(TestData.Create(_ml, x, y)));
        Assert.Contains("10 rows", ex.Message);
    }

    [Fact]
    public void Variance_DropsConstantColumns_Correlation_DropsDuplicates()
    {
        var (x, y) = TestData.Gaussian(50, 3, 1, 1, seed: 35);
        var wide = x.Select(r => new[] { r[0], 7f, r[1], 2 * r[0] + 1, r[2] }).ToArray();
        var data = TestData.Create(_ml, wide, y);
        Assert.Equal([0, 2, 3, 4], _ml.Transforms.SelectFeaturesByVariance().Fit(data).SelectedIndices);
        // Slot 3 = 2·slot 0 + 1 has r = 1 with slot 0; slot 1 is constant (undefined r).
        Assert.Equal([0, 2, 4], _ml.Transforms.SelectFeaturesByCorrelation(0.9).Fit(data).SelectedIndices);
    }

    [Fact]
    public void Mrmr_PrefersANonRedundantFeatureOverADuplicate()
    {
        // Slot 1 duplicates slot 0 (both strongly informative); slot 2 is weaker but independent. Ranking by relevance
        // alone picks {0, 1}; mRMR's redundancy term I(1; 0) = H(0) makes it pick {0, 2}.
        var (x, y) = TestData.Gaussian(300, 2, 2, 1.2, seed: 36);
        var rng = new Random(9);
        var data = x.Select((r, i) => new[] { r[0], r[0], (float)(TestData.Normal(rng) + (y[i] ? 0.4 : -0.4)) }).ToArray();
        var selection = _ml.Transforms.SelectFeaturesByMrmr(topK: 2).Fit(TestData.Create(_ml, data, y));
        Assert.Equal(selection.Scores[0], selection.Scores[1]);
        Assert.True(selection.Scores[2] < selection.Scores[0]);
        Assert.Equal(2, selection.SelectedIndices.Count);
        Assert.Contains(2, selection.SelectedIndices);
    }

    [Fact]
    public void TreeEnsembleGain_RanksTheInformativeFeaturesFirst()
    {
        var (x, y) = TestData.Gaussian(200, 8, 2, 1.2, seed: 37);
        var selection = _ml.Transforms.SelectFeaturesByTreeEnsembleGain(topK: 2).Fit(TestData.Create(_ml, x, y));
        Assert.Equal([0, 1], selection.SelectedIndices);
    }

    [Fact]
    public void Selectors_RejectOneClassAndNonFiniteInput()
    {
        var (x, _) = TestData.Gaussian(20, 3, 0, 0, seed: 38);
        var ex = Assert.Throws<ArgumentException>(() => _ml.Transforms.SelectFeaturesByUTest().Fit(TestData.Create(_ml, x, new bool[20])));
        Assert.Contains("only one class", ex.Message);
        x[3][2] = float.PositiveInfinity;
        var inf = Assert.Throws<ArgumentException>(() => _ml.Transforms.SelectFeaturesByVariance().Fit(TestData.Create(_ml, x, new bool[20])));
        Assert.Contains("'x2'", inf.Message);
    }

    [Fact]
    public void UTest_NothingSignificant_GivesAClearError()
    {
        var (x, y) = TestData.Gaussian(40, 3, 0, 0, seed: 39);
        var ex = Assert.Throws<InvalidOperationException>(() => _ml.Transforms.SelectFeaturesByUTest(alpha: 1e-6).Fit(TestData.Create(_ml, x, y)));
        Assert.Contains("utest", ex.Message);
    }

    [Fact]
    public void SaveLoad_RoundTripsTheSelection()
    {
        var (x, y) = TestData.Gaussian(60, 6, 2, 1, seed: 40);
        var selection = _ml.Transforms.SelectFeaturesByMrmr(topK: 3).Fit(TestData.Create(_ml, x, y));
        using var stream = new MemoryStream();
        selection.Save(stream);
        stream.Position = 0;
        var loaded = FeatureSelectionTransformer.Load(stream);
        Assert.Equal(selection.SelectedIndices, loaded.SelectedIndices);
        Assert.Equal(selection.SelectedSlotNames, loaded.SelectedSlotNames);
        Assert.Equal(selection.Method, loaded.Method);
    }

    [Fact]
    public void ConstantColumns_AreNeverSelected_AndDoNotBreakTheSvm()
    {
        // Documented handling: a constant feature has U-test p = 1, Gini importance 0 (never split), ICC NaN,
        // LASSO β = 0. In the SVM a constant slot adds the same constant to every linear-kernel value, which cancels
        // under Σ α_i y_i = 0, so the fitted bias equals that of the data without it.
        var (x, y) = TestData.Gaussian(60, 2, 2, 1, seed: 44);
        var withConstant = x.Select(r => new[] { r[0], 3f, r[1] }).ToArray();
        var data = TestData.Create(_ml, withConstant, y);
        Assert.Equal(1.0, _ml.Transforms.SelectFeaturesByUTest().Fit(data).Scores[1]);
        Assert.Equal(0.0, _ml.Transforms.SelectFeaturesByDecisionTree(topK: 2).Fit(data).Scores[1]);
        var svm = _ml.BinaryClassification.Trainers.KernelSvm(kernel: KernelType.Linear).Fit(data);
        var reduced = _ml.BinaryClassification.Trainers.KernelSvm(kernel: KernelType.Linear)
            .Fit(TestData.Create(_ml, x, y));
        Assert.Equal(reduced.Model.Bias, svm.Model.Bias, 3); // equal up to the solver tolerance ε = 1e-3
    }

    [Fact]
    public void UnivariableLogistic_KeepsFeaturesBelowAlpha_ScoresAreTheWoolfPValuesOfA2x2Table()
    {
        // Feature a (0/1): positives 12 of 20 exposed, negatives 6 of 20. The logistic slope of a binary predictor is the
        // log odds ratio, ln(12·14 / (8·6)) = ln 3.5, with the Woolf SE √(1/12 + 1/8 + 1/6 + 1/14): z = 1.8750, p = 0.0608.
        // Feature b: 10 of 20 exposed in both classes, OR = 1, p = 1. Feature c is constant (no fit: p = 1).
        var rows = new List<float[]>();
        var labels = new List<bool>();
        void Add(bool positive, int exposedA)
        {
            for (var i = 0; i < 20; i++)
            {
                rows.Add([i < exposedA ? 1 : 0, i % 2, 4]);
                labels.Add(positive);
            }
        }

        Add(positive: true, exposedA: 12);
        Add(positive: false, exposedA: 6);
        Assert.Equal(10, rows.Where((r, i) => labels[i] && r[1] == 1).Count());
        var data = TestData.Create(_ml, [.. rows], [.. labels], ["a", "b", "c"]);

        var atTen = _ml.Transforms.SelectFeaturesByUnivariableLogistic(alpha: 0.1).Fit(data);
        var atFive = _ml.Transforms.SelectFeaturesByUnivariableLogistic(alpha: 0.05).Fit(data);

        var z = Math.Log(12.0 * 14 / (8 * 6)) / Math.Sqrt((1.0 / 12) + (1.0 / 8) + (1.0 / 6) + (1.0 / 14));
        Assert.Equal(Normal.TwoSidedP(z), atTen.Scores[0], 8);
        Assert.Equal(1.0, atTen.Scores[1], 6); // z = 0; Normal.Erfc is accurate to 1.2e-7
        Assert.Equal(1.0, atTen.Scores[2]);
        Assert.Equal([0], atTen.SelectedIndices);
        Assert.Equal([0], atFive.SelectedIndices); // none passes α = 0.05: the smallest p is kept (MinFeatures = 1)
        Assert.True(atFive.Scores[0] > 0.05);
    }
}
