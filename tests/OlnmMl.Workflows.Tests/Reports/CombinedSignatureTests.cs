using System.Globalization;
using System.Text;
using Microsoft.ML;
using OlnmMl.AutoML.Runner;
using OlnmMl.Workflows.Reports;
using OlnmMl.Workflows.Study;

namespace OlnmMl.Workflows.Tests.Reports;

/// <summary>
/// The combined signature on a study whose fitted model is known by hand. Training (40 cases): the signature gives
/// p = 0.75 to cases i &lt; 20 (15 of them positive) and p = 0.25 to the others (5 positive). Its logit takes two values,
/// so the model is a logistic regression on one binary predictor, and Firth's fit (invariant to the predictor's affine
/// coding) gives each group its event rate with ½ added to every cell: (15 + ½)/(20 + 1) = 0.738095 and
/// (5 + ½)/21 = 0.261905. Solid (even i) has 10 of 20 positive, as part-solid has (OR 1, univariable p = 1): the screen
/// leaves it out; the other clinical variables are constant. test-h5 has the same signature probabilities but the
/// opposite labels, so a fit that saw it would give other probabilities.
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
                var solid = i % 2 == 0;
                var label = (i < 20 ? i % 4 != 0 : i % 4 == 0) ^ flipped;
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
    public void TheCombinedModelIsFittedOnTrainingOnlyByFirth_KeepsTheScore_ScreensOutTheUnassociatedVariable()
    {
        CohortPredictions Signature(string cohort, CohortRole role)
        {
            var cases = _study.Cohort(cohort);
            return new(cohort, role, cases.Select(c => c.Case.Id).ToArray(), cases.Select(c => c.Outcome("label")).ToArray(),
                cases.Select(c => int.Parse(c.Case.Id[^2..], CultureInfo.InvariantCulture) < 20 ? 0.75 : 0.25).ToArray());
        }

        var signature = new ModelPredictions("dlrad", [Signature("train", CohortRole.Training), Signature("test-h5", CohortRole.External)]);

        var combined = CombinedSignature.Fit(new MLContext(1), _study, signature, "label");

        Assert.Equal(["dlrad score (logit)"], combined.Model.Signature.Rows.Select(r => r.Name));
        Assert.Equal("combined", combined.Predictions.Model);
        foreach (var (cohort, given) in combined.Predictions.Cohorts.Zip(signature.Cohorts))
        {
            Assert.Equal(given.CaseIds, cohort.CaseIds);
            Assert.Equal(given.Labels, cohort.Labels);
            for (var i = 0; i < cohort.CaseIds.Count; i++)
            {
                Assert.Equal(given.Probabilities[i] > 0.5 ? 15.5 / 21 : 5.5 / 21, cohort.Probabilities[i], 6);
            }
        }
    }
}
