using System.Globalization;
using System.Text;
using Microsoft.ML;
using OlnmMl.AutoML.Runner;
using OlnmMl.Learners.Clinical;
using OlnmMl.Workflows.Reports;
using OlnmMl.Workflows.Study;

namespace OlnmMl.Workflows.Tests.Reports;

/// <summary>
/// The combined signature on a study whose fitted model is known by hand. Training (40 cases): solid for i &lt; 20,
/// label 1 for 15 of the 20 solid and 5 of the 20 part-solid cases; every other clinical variable is constant, and the
/// signature's score is a constant 0.3 (no information: its univariable model cannot be fitted, so it never enters).
/// The screen keeps only <c>solid</c>, and a logistic model on one binary predictor reproduces the training event rates:
/// σ(β₀ + β₁) = 0.75 for solid and σ(β₀) = 0.25 for part-solid cases. test-h5 has the opposite rates (solid 5 of 20), so
/// any fit that saw it would not give 0.75 there.
/// </summary>
public sealed class CombinedSignatureTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("olnm-combined-").FullName;
    private readonly StudyData _study;

    public CombinedSignatureTests()
    {
        var manifest = new StringBuilder("id,centre,cohort,label,image,mask,age,sex,max_diameter_cm,density,location\n");
        var table = new StringBuilder("id,original_f0\n");
        for (var i = 0; i < 40; i++)
        {
            foreach (var (cohort, flipped) in new[] { ("train", false), ("test-h5", true) })
            {
                var solid = i < 20;
                var label = (solid ? i % 4 != 0 : i % 4 == 0) ^ flipped;
                var id = $"{cohort}-{i:D2}";
                manifest.Append(CultureInfo.InvariantCulture, $"{id},h1,{cohort},{(label ? 1 : 0)},{id}.nii.gz,{id}_m.nii.gz,60,F,1.6,{(solid ? "solid" : "part-solid")},outer\n");
                table.Append(CultureInfo.InvariantCulture, $"{id},{i * 0.37 % 1}\n");
            }
        }

        File.WriteAllText(Path.Combine(_folder, "manifest.csv"), manifest.ToString());
        File.WriteAllText(Path.Combine(_folder, "radiomics.csv"), table.ToString());
        _study = StudyData.Load(Path.Combine(_folder, "manifest.csv"), Path.Combine(_folder, "radiomics.csv"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void TheCombinedModelIsFittedOnTrainingOnly_KeepsTheAssociatedVariable_AndGivesTheTrainingRatesEverywhere()
    {
        CohortPredictions Constant(string cohort, CohortRole role)
        {
            var cases = _study.Cohort(cohort);
            return new(cohort, role, cases.Select(c => c.Case.Id).ToArray(), cases.Select(c => c.Outcome("label")).ToArray(), cases.Select(_ => 0.3).ToArray());
        }

        var signature = new ModelPredictions("dlrad", [Constant("train", CohortRole.Training), Constant("test-h5", CohortRole.External)]);

        var combined = CombinedSignature.Fit(new MLContext(1), _study, signature, "label");

        var rows = combined.Model.Signature.Rows.ToDictionary(r => r.Name);
        Assert.Equal(SignatureEntry.NotEntered, rows["dlrad score (logit)"].Entry);
        Assert.Equal(SignatureEntry.InModel, rows["solid"].Entry);
        Assert.Equal(["combined"], [combined.Predictions.Model]);
        foreach (var cohort in combined.Predictions.Cohorts)
        {
            var cases = _study.Cohort(cohort.Cohort).ToDictionary(c => c.Case.Id);
            for (var i = 0; i < cohort.CaseIds.Count; i++)
            {
                var solid = cases[cohort.CaseIds[i]].Case.Clinical.Density == OlnmMl.Cohorts.Manifest.Density.Solid;
                Assert.Equal(solid ? 0.75 : 0.25, cohort.Probabilities[i], 6);
                Assert.Equal(cases[cohort.CaseIds[i]].Outcome("label"), cohort.Labels[i]);
            }
        }
    }
}
