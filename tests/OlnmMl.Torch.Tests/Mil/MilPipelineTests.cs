using Microsoft.ML;
using Microsoft.ML.Data;
using OlnmMl.Torch.Mil;

namespace OlnmMl.Torch.Tests.Mil;

/// <summary>The MIL trainer and model as ML.NET estimator and transformer: one bag per row.</summary>
public sealed class MilPipelineTests
{
    private sealed class BagRow
    {
        public float[] Instances { get; set; } = [];

        public bool Label { get; set; }
    }

    [Fact]
    public void Rows_of_bags_train_and_score_as_the_bag_samples_do()
    {
        var ml = new MLContext(seed: 1);
        var bags = SyntheticBags.Create(4, 4, seed: 41);
        var rows = Enumerable.Range(0, bags.Count).Select(i =>
        {
            var values = new float[bags.InstanceCount(i) * SyntheticBags.InstanceLength];
            bags.CopyInstances(i, values);
            return new BagRow { Instances = values, Label = bags.Label(i) };
        }).ToArray();
        var data = ml.Data.LoadFromEnumerable(rows);
        var trainer = ml.Torch().Mil(new MilTrainerOptions
        {
            Architecture = "resnet10-tiny-2d",
            Pooling = MilPoolingKind.Attention,
            AttentionWidth = 8,
            InstanceShape = [2, SyntheticBags.Edge, SyntheticBags.Edge],
            Epochs = 1,
            Device = new TorchDeviceOptions { ForceCpu = true },
        });
        using var model = trainer.Fit(data);

        var scored = model.Transform(data);
        var width = model.Model.Network.FeatureWidth;
        Assert.Equal(width, ((VectorDataViewType)scored.Schema["BagFeatures"].Type).Size);
        var probabilities = scored.GetColumn<float>("Probability").ToArray();
        var features = scored.GetColumn<float[]>("BagFeatures").ToArray();
        var direct = model.Score(bags);
        Assert.Equal(direct.Probabilities, probabilities, new ToleranceComparer(1e-6f));
        Assert.Equal(direct.Features.SelectMany(f => f), features.SelectMany(f => f), new ToleranceComparer(1e-5f));
        Assert.Equal(rows.Length, ml.BinaryClassification.Evaluate(scored).ConfusionMatrix.Counts.Sum(r => r.Sum(c => (int)c)));
    }
}
