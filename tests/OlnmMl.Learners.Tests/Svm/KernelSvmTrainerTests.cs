using Microsoft.ML;
using Microsoft.ML.Data;
using OlnmMl.Learners.Svm;

namespace OlnmMl.Learners.Tests.Svm;

public class KernelSvmTrainerTests
{
    private readonly MLContext _ml = new(seed: 1);

    [Fact]
    public void Transform_AddsStandardColumns_ThatBinaryEvaluateAccepts()
    {
        var (x, y) = TestData.Gaussian(200, 4, 2, 0.9, seed: 21);
        var data = TestData.Create(_ml, x, y);
        var model = _ml.BinaryClassification.Trainers.KernelSvm(seed: 3).Fit(data);
        var scored = model.Transform(data);

        var metrics = _ml.BinaryClassification.Evaluate(scored);

        // Independent reference: accuracy counted by hand from the PredictedLabel and Label columns, and AUC as the
        // Mann–Whitney statistic of the Score column.
        var predicted = scored.GetColumn<bool>("PredictedLabel").ToArray();
        var scores = scored.GetColumn<float>("Score").ToArray();
        var probabilities = scored.GetColumn<float>("Probability").ToArray();
        var accuracy = predicted.Zip(y).Count(p => p.First == p.Second) / (double)y.Length;
        Assert.Equal(accuracy, metrics.Accuracy, 9);
        Assert.Equal(MannWhitneyAuc(scores, y), metrics.AreaUnderRocCurve, 6);
        for (int i = 0; i < scores.Length; i++)
            for (int j = 0; j < scores.Length; j++)
                if (scores[i] < scores[j]) Assert.True(probabilities[i] <= probabilities[j]);
    }

    [Fact]
    public void SaveLoad_ReproducesScores_AndRejectsAnUnknownVersion()
    {
        var (x, y) = TestData.Gaussian(80, 3, 2, 0.9, seed: 22);
        var data = TestData.Create(_ml, x, y);
        var model = _ml.BinaryClassification.Trainers.KernelSvm(kernel: KernelType.Polynomial).Fit(data);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = KernelSvmPredictionTransformer.Load(stream);

        Assert.Equal(model.Transform(data).GetColumn<float>("Probability"), loaded.Transform(data).GetColumn<float>("Probability"));
        Assert.Equal(["x0", "x1", "x2"], loaded.Model.SlotNames);
        Assert.Equal(KernelType.Polynomial, loaded.Model.Kernel.Type);

        var bytes = stream.ToArray();
        var versionOffset = 1 + "OLNM-KSVM-TRANSFORMER".Length; // length-prefixed string, then the Int32 version
        bytes[versionOffset] = 99;
        var ex = Assert.Throws<InvalidDataException>(() => KernelSvmPredictionTransformer.Load(new MemoryStream(bytes)));
        Assert.Contains("version 99", ex.Message);
    }

    [Fact]
    public void NonFiniteFeature_IsRejected_NamingColumnSlotAndRow()
    {
        var (x, y) = TestData.Gaussian(20, 2, 2, 1, seed: 23);
        x[4][1] = float.NaN;
        var ex = Assert.Throws<ArgumentException>(() => _ml.BinaryClassification.Trainers.KernelSvm().Fit(TestData.Create(_ml, x, y)));
        Assert.Contains("'Features'", ex.Message);
        Assert.Contains("'x1'", ex.Message);
        Assert.Contains("row 4", ex.Message);
    }

    [Fact]
    public void OneClassOnly_IsRejected()
    {
        var (x, _) = TestData.Gaussian(20, 2, 2, 1, seed: 24);
        var ex = Assert.Throws<ArgumentException>(() =>
            _ml.BinaryClassification.Trainers.KernelSvm().Fit(TestData.Create(_ml, x, new bool[20])));
        Assert.Contains("only one class", ex.Message);
    }

    [Fact]
    public void FewerRowsThanPlattFolds_IsRejected()
    {
        var x = new[] { new float[] { 0 }, [1], [2], [3] };
        var ex = Assert.Throws<ArgumentException>(() =>
            _ml.BinaryClassification.Trainers.KernelSvm().Fit(TestData.Create(_ml, x, [false, true, false, true])));
        Assert.Contains("ProbabilityFolds", ex.Message);
    }

    [Fact]
    public void MissingLabelColumn_IsRejected_NamingIt()
    {
        var (x, y) = TestData.Gaussian(20, 2, 2, 1, seed: 25);
        var trainer = _ml.BinaryClassification.Trainers.KernelSvm(labelColumnName: "pN");
        var ex = Assert.Throws<ArgumentException>(() => trainer.Fit(TestData.Create(_ml, x, y)));
        Assert.Contains("'pN'", ex.Message);
    }

    [Fact]
    public void InvalidC_IsRejectedAtConstruction()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => _ml.BinaryClassification.Trainers.KernelSvm(c: 0));
        Assert.Equal("C", ex.ParamName);
    }

    private static double MannWhitneyAuc(float[] scores, bool[] labels)
    {
        double wins = 0;
        int pairs = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            if (!labels[i]) continue;
            for (int j = 0; j < scores.Length; j++)
            {
                if (labels[j]) continue;
                pairs++;
                wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
            }
        }
        return wins / pairs;
    }
}
