using Microsoft.ML;
using OlnmMl.Learners.Clinical;
using OlnmMl.Learners.Selection;
using OlnmMl.Learners.Svm;
using OlnmMl.Tests.Shared;

namespace OlnmMl.Learners.Tests;

/// <summary>The shared estimator workout (schema, bad input, save → load) for the OlnmMl.Learners estimators.</summary>
public class EstimatorWorkoutTests
{
    private readonly MLContext _ml = new(seed: 1);

    private sealed class NoFeaturesRow
    {
        public float Age { get; set; }

        public bool Label { get; set; }
    }

    private IDataView Data()
    {
        var (x, y) = TestData.Gaussian(40, 3, 2, 1.0, seed: 31);
        return TestData.Create(_ml, x, y);
    }

    private IDataView NoFeatures() => _ml.Data.LoadFromEnumerable([new NoFeaturesRow { Age = 60, Label = true }, new NoFeaturesRow { Age = 50 }]);

    private static T RoundTrip<T>(Action<Stream> save, Func<Stream, T> load)
    {
        using var stream = new MemoryStream();
        save(stream);
        stream.Position = 0;
        return load(stream);
    }

    [Fact]
    public void KernelSvm() =>
        EstimatorWorkout.Run(_ml.BinaryClassification.Trainers.KernelSvm(seed: 2), Data(), NoFeatures(),
            "Feature column 'Features' is not in the data", t => RoundTrip(t.Save, KernelSvmPredictionTransformer.Load));

    [Fact]
    public void ClinicalLogistic() =>
        EstimatorWorkout.Run(_ml.BinaryClassification.Trainers.ClinicalLogistic(), Data(), NoFeatures(),
            "Feature column 'Features' is not in the data", t => RoundTrip(t.Save, ClinicalLogisticTransformer.Load));

    [Fact]
    public void FeatureSelection() =>
        EstimatorWorkout.Run(_ml.Transforms.SelectFeaturesByDecisionTree(topK: 2), Data(), NoFeatures(),
            "Feature column 'Features' is not in the data", t => RoundTrip(t.Save, FeatureSelectionTransformer.Load));
}
