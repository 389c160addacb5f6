using Microsoft.ML;
using OlnmMl.Learners.Clinical;
using OlnmMl.Learners.Pipelines;
using OlnmMl.Learners.Selection;
using OlnmMl.Learners.Svm;
using OlnmMl.Workflows.Reports;

namespace OlnmMl.Workflows.Tests.Reports;

/// <summary>
/// <see cref="SelectedFeatures.Of"/> on tiny tables whose selection is known by construction, read back from the saved model
/// folder as the report reads it. 40 rows, the even ones positive (s = +1) and the odd ones negative (s = −1):
/// <c>noise</c> = ⌊i/2⌋ mod 5, the same values in both classes (Mann–Whitney p = 1, univariable β = 0);
/// <c>signal</c> = s + 0.3·((7i mod 5) − 2), which separates the classes (every positive ≥ 0.4 &gt; −0.4 ≥ every negative);
/// <c>inverse</c> = −0.5·s + 0.5·((3i mod 5) − 2), lower in the positives but overlapping.
/// </summary>
public sealed class SelectedFeaturesTests : IDisposable
{
    private static readonly string[] Names = ["noise", "signal", "inverse"];
    private readonly string _directory = Directory.CreateTempSubdirectory("olnm-selected-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void ALogisticRegressionAfterAUTestListsTheTwoInformativeFeaturesInTheirOrderWithTheirSigns()
    {
        var features = Fit(new TabularPipelineBuilder("utest-logistic").NormalizeMeanVariance()
            .Select(new UTestSelectionOptions { Alpha = 0.05 })
            .LbfgsLogistic(new LbfgsLogisticOptions { L2Regularization = 1, L1Regularization = 0 }));

        Assert.Equal(["signal", "inverse"], features.Rows.Select(r => r.Name)); // noise (p = 1) is left out; the model's slot order
        Assert.True(features.Rows[0].Weight > 0, $"signal β = {features.Rows[0].Weight}");
        Assert.True(features.Rows[1].Weight < 0, $"inverse β = {features.Rows[1].Weight}");
        Assert.All(features.Rows, r => Assert.InRange(r.Score!.Value, 0, 0.01));
        Assert.Equal(("utest", "Mann–Whitney U p", true, "L-BFGS logistic regression"), (features.Selection, features.ScoreMeaning, features.ScoreIsP, features.Learner));
        Assert.NotNull(features.Intercept);
        Assert.Equal("β (log-odds per unit of the normalised feature)", features.Rows[0].Meaning);
    }

    [Fact]
    public void AnRbfSvmAfterTheCartTopOneListsTheSeparatingFeatureWithItsImportanceAndNoWeight()
    {
        var features = Fit(new TabularPipelineBuilder("radiomics-svm").NormalizeMeanVariance()
            .Select(new DecisionTreeSelectionOptions { TopK = 1 })
            .KernelSvm(new KernelSvmOptions { Seed = 1 }));

        // One split on signal makes both children pure: its Gini importance is the whole decrease, normalised to 1.
        Assert.Equal([new SelectedFeature("signal", 1.0, null, "RBF kernel: no per-feature weight")], features.Rows);
        Assert.Equal(("decision-tree", "CART Gini importance", "RBF kernel SVM"), (features.Selection, features.ScoreMeaning, features.Learner));
        Assert.Null(features.Intercept);
    }

    [Fact]
    public void TheClinicalLogisticModelGivesItsMultivariableBetaAndItsSignatureForTheOrTable()
    {
        var features = Fit(new TabularPipelineBuilder("clinical")
            .Select(new UnivariableLogisticSelectionOptions { Alpha = 0.1 })
            .Logistic(new ClinicalLogisticOptions()), "noise", "inverse");

        var row = Assert.Single(features.Rows);
        Assert.Equal("inverse", row.Name);
        Assert.True(row.Weight < 0, $"inverse β = {row.Weight}");
        Assert.Equal("β (log-odds per unit of the feature)", row.Meaning);
        var signature = Assert.IsType<ClinicalSignature>(features.Signature);
        Assert.Equal(row.Weight, signature.Rows[0].Multivariable!.Estimate);
        Assert.True(features.ScoreIsP);
    }

    [Fact]
    public void AVariableTheClinicalModelsOwnScreenLeftOutHasNoBeta()
    {
        var features = Fit(new TabularPipelineBuilder("clinical").Logistic(new ClinicalLogisticOptions { EntryPValue = 0.05 }), "noise", "inverse");

        Assert.Equal(
            [new SelectedFeature("noise", null, null, "not in the multivariable model"), new SelectedFeature("inverse", null, features.Rows[1].Weight, "β (log-odds per unit of the feature)")],
            features.Rows);
        Assert.True(features.Rows[1].Weight < 0);
        Assert.Equal("none (every input feature)", features.Selection);
    }

    [Theory]
    [InlineData(BoostedTreesTrainer.FastTree, "FastTree")]
    [InlineData(BoostedTreesTrainer.LightGbm, "LightGBM")]
    public void BoostedTreesWithoutASelectionStepGiveEveryFeatureItsSplitGainTheSeparatingOneLargest(BoostedTreesTrainer trainer, string name)
    {
        var features = Fit(new TabularPipelineBuilder("trees")
            .Add(new BoostedTreesStep(trainer, new BoostedTreesOptions { NumberOfTrees = 5, NumberOfLeaves = 2, MinimumExampleCountPerLeaf = 5, LearningRate = 0.2 })));

        Assert.Equal(Names, features.Rows.Select(r => r.Name));
        Assert.All(features.Rows, r => Assert.Null(r.Score));
        Assert.Equal("signal", features.Rows.MaxBy(r => r.Weight)!.Name);
        Assert.Equal(("none (every input feature)", name, $"{name} split-gain importance"), (features.Selection, features.Learner, features.Rows[0].Meaning));
    }

    [Fact]
    public void ALinearKernelSvmGivesTheMaximumMarginWeights()
    {
        // 20 rows: x = (s, ±1), the second column balanced within each class. The widest margin separating s = ±1 is
        // w·x + b = s, i.e. w = (1, 0), b = 0 (w·x = ±1 on the margin; any weight on the second column narrows it).
        var rows = Enumerable.Range(0, 20).Select(i => new[] { i % 2 == 0 ? 1f : -1f, i / 2 % 2 == 0 ? 1f : -1f }).ToArray();
        var table = FeatureTable.FromRows("linear", [.. Enumerable.Range(0, 20).Select(i => $"case{i}")], ["signal", "noise"], rows, [.. Enumerable.Range(0, 20).Select(i => i % 2 == 0)]);

        var features = Train(new TabularPipelineBuilder("linear-svm").KernelSvm(new KernelSvmOptions { Kernel = KernelType.Linear, Seed = 1 }), table);

        Assert.Equal(["signal", "noise"], features.Rows.Select(r => r.Name));
        Assert.Equal(1, features.Rows[0].Weight!.Value, 1e-3);
        Assert.Equal(0, features.Rows[1].Weight!.Value, 1e-3);
        Assert.Equal(0, features.Intercept!.Value, 1e-3);
        Assert.Equal(("linear kernel SVM", "weight w of the decision value, per unit of the feature"), (features.Learner, features.Rows[0].Meaning));
    }

    [Fact]
    public void TheTableCaptionNamesTheSelectionTheLearnerAndTheTrainingCohort()
    {
        var features = new SelectedFeatures("utest, then lasso", "|β| of the z-scored feature at the cross-validated λ", false, "L-BFGS logistic regression", -0.25,
            [new SelectedFeature("signal", 0.81234, 1.5, "β"), new SelectedFeature("inverse", 0.4, -0.0625, "β")], null);
        var training = StudyReportFixtures.Separating("radiomics", 0.9, 1).Training;

        var table = SelectedFeaturesTable.Build(features, "radiomics", training);

        Assert.Equal(
            "radiomics: 2 feature(s) selected by utest, then lasso (score: |β| of the z-scored feature at the cross-validated λ) and the L-BFGS logistic regression, intercept -0.250, "
            + "every step fitted on the train cohort only (90 cases)",
            table.Title);
        Assert.Equal("feature,selection score,coefficient or importance,meaning\nsignal,0.812,1.500,β\ninverse,0.400,-0.063,β\n", table.ToCsv());
    }

    private SelectedFeatures Fit(TabularPipelineBuilder pipeline, params string[] columns)
    {
        var names = columns.Length == 0 ? Names : columns;
        var rows = Enumerable.Range(0, 40).Select(i =>
        {
            var s = i % 2 == 0 ? 1 : -1;
            var all = new Dictionary<string, float>
            {
                ["noise"] = i / 2 % 5,
                ["signal"] = s + 0.3f * (7 * i % 5 - 2),
                ["inverse"] = -0.5f * s + 0.5f * (3 * i % 5 - 2),
            };
            return names.Select(n => all[n]).ToArray();
        }).ToArray();
        return Train(pipeline, FeatureTable.FromRows("tiny", [.. Enumerable.Range(0, 40).Select(i => $"case{i}")], names, rows, [.. Enumerable.Range(0, 40).Select(i => i % 2 == 0)]));
    }

    private SelectedFeatures Train(TabularPipelineBuilder pipeline, FeatureTable table)
    {
        var ml = new MLContext(1);
        var folder = Path.Combine(_directory, "model");
        TabularTraining.Train(ml, pipeline.Build(), table, "label").Save(ml, folder);
        return SelectedFeatures.Of(TabularModel.Load(ml, folder));
    }
}
