using Microsoft.ML;
using Microsoft.ML.Data;
using OlnmMl.Learners.Clinical;
using OlnmMl.Learners.Data;
using OlnmMl.Learners.Svm;

namespace OlnmMl.Learners.Tests.Clinical;

/// <summary>
/// The clinical signature against R (Data/clinical/make_fixture.R): univariable screen at p &lt; 0.05 keeps age,
/// diameter, density and noise (male: p = 0.42); the multivariable model of those four; backward elimination removes
/// density (multivariable p = 0.082) and stops with age, diameter and noise.
/// </summary>
public class ClinicalSignatureTests
{
    private const double Tolerance = 1e-6;
    private const double Z975 = 1.959963984540054;
    private readonly MLContext _ml = new(seed: 1);

    [Fact]
    public void UnivariableRows_EqualRGlm_OneModelPerVariable()
    {
        var table = UnivariableLogistic.Fit(GlmFixture.Cohort());

        var r = GlmFixture.Glm("univariable").Where(t => t.Term != "(Intercept)").ToArray();
        Assert.Equal(GlmFixture.Candidates, r.Select(t => t.Term));
        for (int j = 0; j < r.Length; j++) AssertRow(r[j], table[j]!);
    }

    [Fact]
    public void Screen_EntersVariablesBelowTheThreshold_AndFitsRsMultivariableModel()
    {
        var signature = ClinicalSignature.Fit(GlmFixture.Cohort(), new ClinicalLogisticOptions { EntryPValue = 0.05 });

        AssertModel(GlmFixture.Glm("multivariable"), signature.Coefficients);
        Assert.Equal([0, 1, 3, 4], signature.Slots);
        Assert.Equal(SignatureEntry.NotEntered, signature.Rows[2].Entry);
        Assert.Null(signature.Rows[2].Multivariable);
        Assert.NotNull(signature.Rows[2].Univariable);
        Assert.Same(signature.Coefficients[3], signature.Rows[3].Multivariable);
    }

    [Fact]
    public void BackwardElimination_RemovesDensity_AsRsStepwiseRefits()
    {
        var signature = ClinicalSignature.Fit(GlmFixture.Cohort(), new ClinicalLogisticOptions { EntryPValue = 0.05, BackwardElimination = true });

        AssertModel(GlmFixture.Glm("backward"), signature.Coefficients);
        Assert.Equal([SignatureEntry.InModel, SignatureEntry.InModel, SignatureEntry.NotEntered, SignatureEntry.Eliminated, SignatureEntry.InModel],
            signature.Rows.Select(r => r.Entry));
    }

    [Fact]
    public void WithoutThreshold_EveryVariableEnters()
    {
        var signature = ClinicalSignature.Fit(GlmFixture.Cohort(), new ClinicalLogisticOptions());

        Assert.Equal([0, 1, 2, 3, 4], signature.Slots);
        Assert.All(signature.Rows, r => Assert.Equal(SignatureEntry.InModel, r.Entry));
    }

    [Fact]
    public void NoVariableBelowTheThreshold_Throws_NamingTheSmallestP()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            ClinicalSignature.Fit(GlmFixture.Cohort(), new ClinicalLogisticOptions { EntryPValue = 1e-8 }));
        Assert.Contains("'diameter'", error.Message);
    }

    [Fact]
    public void BackwardElimination_WithoutThreshold_IsRejected() =>
        Assert.Throws<ArgumentException>(() => new ClinicalLogisticTrainer(new ClinicalLogisticOptions { BackwardElimination = true }));

    [Fact]
    public void Trainer_ScoresWithTheFinalModelOnly_AndSurvivesSaveLoad()
    {
        var cohort = GlmFixture.Cohort();
        var rows = Enumerable.Range(0, cohort.Rows).Select(i => cohort.Row(i).ToArray().Select(v => (float)v).ToArray()).ToArray();
        var data = TestData.Create(_ml, rows, cohort.Labels!, GlmFixture.Candidates);

        var model = _ml.BinaryClassification.Trainers.ClinicalSignature(backwardElimination: true).Fit(data);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = ClinicalLogisticTransformer.Load(stream);

        AssertModel(GlmFixture.Glm("backward"), loaded.Coefficients);
        Assert.Equal(model.Signature.Rows, loaded.Signature.Rows);
        Assert.Equal((0.05, true), (loaded.Signature.EntryPValue, loaded.Signature.BackwardElimination));
        var weights = loaded.InputWeights();
        Assert.Equal(0, weights[2]);
        Assert.Equal(0, weights[3]);
        // η = β₀ + β_age·age + β_diameter·diameter + β_noise·noise for the second case (61, 12.5, male 0, 49, −1.25).
        var b = GlmFixture.Glm("backward");
        var expected = b[0].Estimate + b[1].Estimate * 61 + b[2].Estimate * 12.5 + b[3].Estimate * -1.25;
        Assert.Equal(expected, loaded.LinearPredictor(rows[1]), 1e-9);
        var p = loaded.Transform(data).GetColumn<float>("Probability").ToArray();
        Assert.Equal(1 / (1 + Math.Exp(-expected)), p[1], 1e-6);
    }

    [Fact]
    public void FormatVersion1File_StillLoads_AsAModelOverEverySlot()
    {
        // Format 1: header, version, column, coefficient count, then per coefficient its name and 7 doubles.
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write("OLNM-CLINICAL-LOGISTIC");
            w.Write(1);
            w.Write("Features");
            w.Write(3);
            foreach (var (name, beta) in new[] { ("(Intercept)", -1.0), ("age", 0.05), ("male", 0.8) })
            {
                w.Write(name);
                foreach (var v in new[] { beta, 0.1, beta / 0.1, 0.5, Math.Exp(beta), 1.0, 1.0 }) w.Write(v);
            }
        }

        stream.Position = 0;
        var model = ClinicalLogisticTransformer.Load(stream);

        Assert.Equal([0, 1], model.Slots);
        Assert.Equal(["age", "male"], model.Signature.Rows.Select(r => r.Name));
        Assert.All(model.Signature.Rows, r => Assert.Null(r.Univariable));
        Assert.Equal(-1 + 0.05 * 60 + 0.8, model.LinearPredictor([60f, 1f]), 12);
    }

    [Fact]
    public void CombinedSignature_StacksAScoreWithClinicalVariables_FittedOnTrainingOnly()
    {
        var (xTrain, yTrain) = TestData.Gaussian(200, 3, 2, 0.7, seed: 61);
        var (xTest, yTest) = TestData.Gaussian(120, 3, 2, 0.7, seed: 62);
        var train = TestData.Create(_ml, xTrain, yTrain, ["age", "diameter", "density"]);
        var test = TestData.Create(_ml, xTest, yTest, ["age", "diameter", "density"]);
        var pipeline = _ml.BinaryClassification.Trainers.KernelSvm()
            .Append(_ml.Transforms.CopyColumns("SvmScore", "Score"))
            .Append(_ml.Transforms.Concatenate("Combined", "SvmScore", "Features"))
            .Append(_ml.BinaryClassification.Trainers.ClinicalSignature(featureColumnName: "Combined"));

        var model = pipeline.Fit(train);
        var combined = model.LastTransformer;
        using var stream = new MemoryStream();
        combined.Save(stream);
        stream.Position = 0;
        var loaded = ClinicalLogisticTransformer.Load(stream);

        Assert.Equal("SvmScore", combined.Signature.Rows[0].Name);
        Assert.Equal(SignatureEntry.InModel, combined.Signature.Rows[0].Entry);
        // The univariable rows are those of the training cohort's columns alone.
        var trainingColumns = DenseFeatureMatrix.Read(model.Transform(train), "Combined", "Label");
        Assert.Equal(UnivariableLogistic.Fit(trainingColumns), combined.Signature.Rows.Select(r => r.Univariable));
        var scoredTest = model.Transform(test);
        var stacked = scoredTest.GetColumn<float[]>("Combined").ToArray();
        var probability = scoredTest.GetColumn<float>("Probability").ToArray();
        var reloaded = loaded.Transform(scoredTest).GetColumn<float>("Probability").ToArray();
        for (int i = 0; i < stacked.Length; i++)
        {
            Assert.Equal(1 / (1 + Math.Exp(-combined.LinearPredictor(stacked[i]))), probability[i], 1e-6);
            Assert.Equal(probability[i], reloaded[i]);
        }
    }

    private static void AssertModel(IReadOnlyList<(string Term, double Estimate, double StandardError, double Z, double P)> r, IReadOnlyList<LogisticCoefficient> table)
    {
        Assert.Equal(r.Select(t => t.Term), table.Select(c => c.Name));
        for (int k = 0; k < r.Count; k++) AssertRow(r[k], table[k]);
    }

    private static void AssertRow((string Term, double Estimate, double StandardError, double Z, double P) r, LogisticCoefficient c)
    {
        Assert.Equal(r.Term, c.Name);
        Assert.Equal(r.Estimate, c.Estimate, Tolerance);
        Assert.Equal(r.StandardError, c.StandardError, Tolerance);
        Assert.Equal(r.Z, c.Z, Tolerance);
        Assert.Equal(r.P, c.P, Tolerance);
        // OR = e^β, 95% CI = e^{β ± z₀.₉₇₅·SE} from R's β and SE.
        Assert.Equal(Math.Exp(r.Estimate), c.OddsRatio, Tolerance);
        Assert.Equal(Math.Exp(r.Estimate - Z975 * r.StandardError), c.OddsRatioLower, Tolerance);
        Assert.Equal(Math.Exp(r.Estimate + Z975 * r.StandardError), c.OddsRatioUpper, Tolerance);
    }
}
