using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.Spaces;
using OlnmMl.AutoML.Store;
using OlnmMl.Workflows.Jobs;
using OlnmMl.Workflows.Reports;
using OlnmMl.Workflows.Study;
using OlnmMl.Workflows.Trials;

namespace OlnmMl.Workflows.Tests.Trials;

/// <summary>
/// The clinical trial on a study whose training cohort is built so that the fitted model is known by hand: a logistic
/// regression on one binary predictor reproduces the observed proportions (the MLE of σ(β₀) and σ(β₀ + β₁) are the
/// event rates of the two groups), and a predictor with odds ratio exactly 1 has β = 0, Wald p = 1, and is screened out.
/// Training (40 cases, j = i mod 20): solid for i &lt; 20; label = 1 for solid cases with i mod 4 ≠ 0 (15 of 20) and
/// part-solid cases with i mod 4 = 0 (5 of 20); side left when j is even; n1 = 1 for left j ∈ {0,2,…,10} (12 of 20
/// left) and right j ∈ {1, 3} (4 of 20 right). So label: solid 0.75 / part-solid 0.25, left and right 10 of 20 each
/// (OR 1); n1: left 0.6 / right 0.2, solid and part-solid 8 of 20 each (OR 1). Age, sex, diameter and location are
/// constant (no fit, p = 1).
/// </summary>
public sealed class ClinicalTrialTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("olnm-clinical-").FullName;
    private readonly StudyData _study;

    public ClinicalTrialTests()
    {
        var manifest = new StringBuilder("id,centre,cohort,label,label_n1,image,mask,age,sex,max_diameter_cm,density,location,side\n");
        var table = new StringBuilder("id,original_f0\n");
        void Add(string cohort, int i)
        {
            var j = i % 20;
            var solid = i < 20;
            var label = solid ? i % 4 != 0 : i % 4 == 0;
            var left = j % 2 == 0;
            var n1 = left ? j <= 10 : j <= 3;
            var id = $"{cohort}-{i:D2}";
            manifest.Append(CultureInfo.InvariantCulture,
                $"{id},h1,{cohort},{(label ? 1 : 0)},{(n1 ? 1 : 0)},{id}.nii.gz,{id}_mask.nii.gz,60,F,1.6,{(solid ? "solid" : "part-solid")},outer,{(left ? "left" : "right")}\n");
            table.Append(CultureInfo.InvariantCulture, $"{id},{i * 0.37 % 1}\n");
        }

        for (var i = 0; i < 40; i++)
        {
            Add("train", i);
            Add("test-h5", i);
        }

        for (var i = 0; i < 40; i += 5)
        {
            Add("validation", i);
        }

        File.WriteAllText(Path.Combine(_folder, "manifest.csv"), manifest.ToString());
        File.WriteAllText(Path.Combine(_folder, "radiomics.csv"), table.ToString());
        _study = StudyData.Load(Path.Combine(_folder, "manifest.csv"), Path.Combine(_folder, "radiomics.csv"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void TheStudyOffersEveryClinicalVariableEveryCaseHas_TwoLevelColumnsAsIndicators()
    {
        var trial = new ClinicalTrial(_study);

        Assert.Equal(["age", "male", "diameter_cm", "solid", "central", "middle", "side_left"], trial.FeatureNames);
        Assert.Equal([60f, 0f, 1.6f, 1f, 0f, 0f, 1f], trial.FeaturesOf(_study.Cohort("train")[0]));
        Assert.Equal([60f, 0f, 1.6f, 0f, 0f, 0f, 0f], trial.FeaturesOf(_study.Cohort("train")[21]));
    }

    [Theory]
    [InlineData("label", 0.75, 0.25)]
    [InlineData("n1", 0.6, 0.2)]
    public async Task TheScreenKeepsTheAssociatedVariable_AndTheModelGivesTheObservedRatesOfTheTarget(string target, double first, double second)
    {
        var outcome = await Run(target);

        // label: by density (solid first); n1: by side (left first). The other variable has OR 1 and is screened out.
        var external = outcome.Predictions.Single(p => p.Cohort == "test-h5");
        var cases = _study.Cohort("test-h5");
        for (var i = 0; i < cases.Count; i++)
        {
            var inFirstGroup = target == "label" ? cases[i].Case.Clinical.Density == Cohorts.Manifest.Density.Solid : cases[i].Case.Clinical.Extra["side"] == "left";
            Assert.Equal(inFirstGroup ? first : second, external.Probabilities[i], 6);
            Assert.Equal(cases[i].Outcome(target), external.Labels[i]);
        }
    }

    [Fact]
    public async Task TheClinicalModelExportsToOnnxWithParityOnTheExternalCohort()
    {
        var outcome = await Run("n1");
        var trial = new TrialRecord
        {
            Number = 0,
            Status = TrialStatus.Complete,
            Parameters = Parameters("n1"),
            Seed = 5,
            StartedAt = DateTimeOffset.UnixEpoch,
            Artefacts = outcome.Artefacts!.ToImmutableSortedDictionary(),
        };
        var best = new ReportedModel(trial, new ModelPredictions("clinical", outcome.Predictions));

        var (path, maxDifference) = BestModelExport.Export(best, new StudyTrials(new ClinicalTrial(_study)), _study, _folder, Path.Combine(_folder, "clinical.onnx"), new ExperimentData("unused", SelectionStrategy.InternalValidation, ["test-h5"], ImmutableSortedDictionary<string, string>.Empty));

        Assert.True(new FileInfo(path).Length > 0);
        Assert.InRange(maxDifference, 0, 1e-5);
    }

    private Task<TrialOutcome> Run(string target) =>
        new ClinicalTrial(_study).RunAsync(
            new TrialContext(0, Parameters(target), 5, null, null, _folder, null, new ExperimentData("unused", SelectionStrategy.InternalValidation, ["test-h5"], ImmutableSortedDictionary<string, string>.Empty)),
            CancellationToken.None);

    private static ParameterSet Parameters(string target) => new([
        new(ExperimentDefinition.TrialKindParameter, ParameterValue.Of("clinical")),
        new(TrialTarget.Parameter, ParameterValue.Of(target)),
    ]);
}
