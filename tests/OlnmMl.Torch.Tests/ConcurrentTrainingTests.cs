using Microsoft.ML;
using OlnmMl.Torch.Fusion;

namespace OlnmMl.Torch.Tests;

/// <summary>
/// Two deep trainings run at once give exactly what they give one after the other (the reliability issue's parallel
/// sweep: trial 0 scored 0.778, 0.111 and 0.667 in three runs with two trials in parallel). Each run draws from its own
/// generator and <see cref="Random"/>, and libtorch runs one intra-op thread per training thread.
/// </summary>
public sealed class ConcurrentTrainingTests
{
    private static FusionTransformer Fit(MLContext ml, IDataView train, int seed) =>
        ml.Torch().Fusion(new FusionTrainerOptions
        {
            Architecture = "resnet10-tiny",
            ImageShape = [1, SyntheticCase.Edge, SyntheticCase.Edge, SyntheticCase.Edge],
            Mode = FusionMode.Concat,
            LearningRate = 3e-3,
            Epochs = 3,
            CosineDecayStartEpoch = 1,
            EarlyStoppingPatience = 0,
            Seed = seed,
            Device = new TorchDeviceOptions { ForceCpu = true },
        }).Fit(train);

    private static float[] Scores(MLContext ml, FusionTransformer model, IDataView data) =>
        ml.Data.CreateEnumerable<FusionPredictionRow>(model.Transform(data), reuseRowObject: false).Select(r => r.Score).ToArray();

    [Fact]
    public async Task TwoTrainingsInParallelGiveBitIdenticalWeightsAndScoresToSequentialOnes()
    {
        var ml = new MLContext(seed: 1);
        var train = SyntheticCohort.Create(ml, 12, 12, seed: 31);
        var test = SyntheticCohort.Create(ml, 10, 10, seed: 32);
        int[] seeds = [7, 8];

        var parallel = await Task.WhenAll(seeds.Select(seed => Task.Run(() => Fit(ml, train, seed))));
        var sequential = seeds.Select(seed => Fit(ml, train, seed)).ToArray();
        try
        {
            for (int i = 0; i < seeds.Length; i++)
            {
                var a = parallel[i].Model.Network.state_dict();
                var b = sequential[i].Model.Network.state_dict();
                Assert.Equal(a.Keys.Order(), b.Keys.Order());
                Assert.All(a.Keys, key => Assert.True(a[key].eq(b[key]).all().item<bool>(), $"seed {seeds[i]}: {key}"));
                Assert.Equal(Scores(ml, sequential[i], test), Scores(ml, parallel[i], test));
            }

            // The two seeds really are two different trainings.
            Assert.NotEqual(Scores(ml, sequential[0], test), Scores(ml, sequential[1], test));
        }
        finally
        {
            foreach (var model in parallel.Concat(sequential))
            {
                model.Dispose();
            }
        }
    }
}
