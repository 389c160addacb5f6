using Microsoft.ML;
using OlnmMl.Tests.Shared;
using OlnmMl.Torch.Fusion;
using OlnmMl.Torch.Mil;
using OlnmMl.Torch.Tests.Mil;

namespace OlnmMl.Torch.Tests;

/// <summary>
/// The shared estimator workout (schema, bad input, save → load through the single-file model format) for the fusion
/// and MIL trainers, on tiny inputs and one epoch. DeepFeatures and Crops have theirs in <see cref="DeepFeaturesTests"/>.
/// </summary>
public sealed class EstimatorWorkoutTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("olnm-workout-").FullName;

    private sealed class LabelOnlyRow
    {
        public bool Label { get; set; }
    }

    private sealed class BagRow
    {
        public float[] Instances { get; set; } = [];

        public bool Label { get; set; }
    }

    [Fact]
    public void Fusion()
    {
        var ml = new MLContext(seed: 1);
        var options = new FusionTrainerOptions
        {
            Architecture = "resnet10-tiny",
            ImageShape = [1, SyntheticCase.Edge, SyntheticCase.Edge, SyntheticCase.Edge],
            Mode = FusionMode.Concat,
            Epochs = 1,
            CentreColumnName = null,
            Device = new TorchDeviceOptions { ForceCpu = true },
        };
        var path = Path.Combine(_folder, "fusion.model");
        using var model = EstimatorWorkout.Run(ml.Torch().Fusion(options), SyntheticCohort.Create(ml, 4, 4, seed: 5), LabelsOnly(ml),
            "The training data has no column 'Radiomics'.", t =>
            {
                t.SaveModel(path);
                return FusionTransformer.Load(ml, path, options.Device);
            });
    }

    [Fact]
    public void Mil()
    {
        var ml = new MLContext(seed: 1);
        var bags = SyntheticBags.Create(3, 3, seed: 43, maxInstances: 3);
        var rows = Enumerable.Range(0, bags.Count).Select(i =>
        {
            var values = new float[bags.InstanceCount(i) * SyntheticBags.InstanceLength];
            bags.CopyInstances(i, values);
            return new BagRow { Instances = values, Label = bags.Label(i) };
        }).ToArray();
        var device = new TorchDeviceOptions { ForceCpu = true };
        var trainer = ml.Torch().Mil(new MilTrainerOptions
        {
            Architecture = "resnet10-tiny-2d",
            InstanceShape = [2, SyntheticBags.Edge, SyntheticBags.Edge],
            Epochs = 1,
            Device = device,
        });
        var path = Path.Combine(_folder, "mil.model");
        using var model = EstimatorWorkout.Run(trainer, ml.Data.LoadFromEnumerable(rows), LabelsOnly(ml),
            "The data has no column 'Instances'.", t =>
            {
                t.SaveModel(path);
                return MilTransformer.Load(ml, path, device);
            });
    }

    private static IDataView LabelsOnly(MLContext ml) =>
        ml.Data.LoadFromEnumerable(Enumerable.Range(0, 6).Select(i => new LabelOnlyRow { Label = i % 2 == 0 }));

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
