using Microsoft.ML;
using OlnmMl.Torch.Mil;
using OlnmMl.Torch.Training;
using Xunit.Abstractions;

namespace OlnmMl.Torch.Tests.Mil;

public sealed class MilTrainerTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("olnm-mil-").FullName;

    private static MilTrainerOptions Quick(MilTrainingMode mode, MilPoolingKind pooling, int epochs = 12) => new()
    {
        Architecture = "resnet10-tiny-2d",
        Pooling = pooling,
        AttentionWidth = 16,
        Mode = mode,
        LearningRate = 3e-3,
        Epochs = epochs,
        BatchSize = 6,
        Seed = 7,
        Device = new TorchDeviceOptions { ForceCpu = true },
    };

    /// <summary>
    /// Held-out test set of 30 positive and 30 negative bags, never trained on. Under H0 (scores independent of labels)
    /// the Mann–Whitney AUC has mean 0.5 and SD √((n₊ + n₋ + 1) / (12 n₊ n₋)) = √(61 / 10800) = 0.075: 0.8 is 4 SD above
    /// chance (one-sided p &lt; 10⁻⁴), 0.7 is 2.7 SD (p &lt; 0.005). Only the 1–2 key instances of a positive bag show the
    /// pattern. Instance-level training labels every instance of a positive bag positive and overfits those noise
    /// instances within a few epochs, hence 4 epochs there; the histogram classifier is fitted on 24 other bags and is
    /// the noisiest of the three (10 bins from 24 bags), hence its lower bound. Observed AUCs at seeds 7 and 8:
    /// bag-level 1.00 and 1.00, instance-level max 0.96 and 0.92, histogram 0.92 and 0.86.
    /// </summary>
    [Theory]
    [InlineData(MilTrainingMode.BagLevel, MilPoolingKind.GatedAttention, MilAggregation.Histogram, 20, 0.8)]
    [InlineData(MilTrainingMode.InstanceLevel, MilPoolingKind.Mean, MilAggregation.Max, 4, 0.8)]
    [InlineData(MilTrainingMode.InstanceLevel, MilPoolingKind.Mean, MilAggregation.Histogram, 4, 0.7)]
    public void Learns_which_bags_hold_the_pattern_well_beyond_chance(
        MilTrainingMode mode, MilPoolingKind pooling, MilAggregation aggregation, int epochs, double bound)
    {
        var train = SyntheticBags.Create(24, 24, seed: 21);
        var aggregationBags = SyntheticBags.Create(12, 12, seed: 23);
        var test = SyntheticBags.Create(30, 30, seed: 22);
        using var model = new MilTrainer(new MLContext(1), Quick(mode, pooling, epochs) with { Aggregation = aggregation }).Fit(train, aggregationBags);

        var scores = model.Score(test);
        var labels = Enumerable.Range(0, test.Count).Select(test.Label).ToArray();
        double auc = RankAuc.Compute(scores.Probabilities, labels);
        output.WriteLine($"{mode} {pooling} {aggregation}: test AUC {auc:F3}");
        Assert.True(auc > bound, $"{mode} {aggregation} test AUC {auc:F3}; losses {string.Join(", ", model.TrainingLoss!.Select(l => l.ToString("F3")))}");
        Assert.All(scores.Features, f => Assert.Equal(model.Model.Network.FeatureWidth, f.Length));
    }

    /// <summary>
    /// Checkpoint selection: with a constant learning rate and the run's own seed, training for k epochs reproduces the
    /// first k epochs of a longer run, so the k-epoch models are that run's epochs. The model trained with validation bags
    /// must be the epoch of highest validation AUC among them: equal scores to the best k-epoch model. The validation bags'
    /// labels are flipped, so learning the pattern lowers their AUC and an early epoch wins (asserted first: keeping the
    /// last epoch would fail the test).
    /// </summary>
    [Fact]
    public void With_validation_bags_the_epoch_of_highest_validation_auc_is_kept()
    {
        const int Epochs = 4;
        var train = SyntheticBags.Create(8, 8, seed: 31);
        var validation = new Flipped(SyntheticBags.Create(8, 8, seed: 32));
        var labels = Enumerable.Range(0, validation.Count).Select(validation.Label).ToArray();
        var options = Quick(MilTrainingMode.BagLevel, MilPoolingKind.Attention);
        var perEpoch = Enumerable.Range(1, Epochs).Select(k =>
        {
            using var model = new MilTrainer(new MLContext(1), options with { Epochs = k }).Fit(train);
            var probabilities = model.Score(validation).Probabilities;
            return (Auc: RankAuc.Compute(probabilities, labels), Probabilities: probabilities);
        }).ToArray();

        using var selected = new MilTrainer(new MLContext(1), options with { Epochs = Epochs }).Fit(train, validation: validation);

        var best = perEpoch.MaxBy(e => e.Auc);
        output.WriteLine($"validation AUC by epoch: {string.Join(", ", perEpoch.Select(e => e.Auc.ToString("F3")))}");
        Assert.NotEqual(perEpoch[^1].Auc, best.Auc);
        Assert.Equal(best.Probabilities, selected.Score(validation).Probabilities);
    }

    /// <summary>Bags with every label inverted.</summary>
    private sealed class Flipped(IBagSamples bags) : IBagSamples
    {
        public int Count => bags.Count;

        public int Channels => bags.Channels;

        public int Height => bags.Height;

        public int Width => bags.Width;

        public int MaxInstances => bags.MaxInstances;

        public int InstanceCount(int index) => bags.InstanceCount(index);

        public bool Label(int index) => !bags.Label(index);

        public string Group(int index) => bags.Group(index);

        public void CopyInstances(int index, Span<float> destination) => bags.CopyInstances(index, destination);
    }

    [Theory]
    [InlineData(MilTrainingMode.BagLevel, MilPoolingKind.Attention)]
    [InlineData(MilTrainingMode.InstanceLevel, MilPoolingKind.Max)]
    public void Saved_then_loaded_model_gives_the_same_scores(MilTrainingMode mode, MilPoolingKind pooling)
    {
        var bags = SyntheticBags.Create(4, 4, seed: 31);
        using var model = new MilTrainer(new MLContext(1), Quick(mode, pooling, epochs: 1)).Fit(bags);
        var path = Path.Combine(_folder, "mil.model");
        model.SaveModel(path);
        using var loaded = MilTransformer.Load(new MLContext(1), path, new TorchDeviceOptions { ForceCpu = true });

        var expected = model.Score(bags);
        var actual = loaded.Score(bags);
        Assert.Equal(model.Model.Info.Network, loaded.Model.Info.Network);
        Assert.Equal(expected.Probabilities, actual.Probabilities);
        Assert.Equal(expected.Features.SelectMany(f => f), actual.Features.SelectMany(f => f));
        Assert.Equal(mode == MilTrainingMode.InstanceLevel, loaded.Model.Info.Histogram is not null);
    }

    [Fact]
    public void Unknown_format_version_is_refused_naming_both_versions()
    {
        var bags = SyntheticBags.Create(2, 2, seed: 32);
        using var model = new MilTrainer(new MLContext(1), Quick(MilTrainingMode.BagLevel, MilPoolingKind.Mean, epochs: 1)).Fit(bags);
        var path = Path.Combine(_folder, "future.model");
        model.SaveModel(path);
        using (var stream = File.OpenWrite(path))
        {
            stream.Position = 8; // after the "OLNMMILM" magic
            stream.Write(BitConverter.GetBytes(MilModelInfo.CurrentFormatVersion + 1));
        }

        var error = Assert.Throws<InvalidDataException>(() => MilTransformer.Load(new MLContext(1), path));
        Assert.Contains($"format version {MilModelInfo.CurrentFormatVersion + 1}", error.Message);
        Assert.Contains($"reads version {MilModelInfo.CurrentFormatVersion}", error.Message);
    }

    [Fact]
    public void Training_draws_from_its_own_generator_not_torchs_process_wide_seed()
    {
        var bags = SyntheticBags.Create(3, 3, seed: 33);
        float[] Train(int globalSeed)
        {
            TorchSharp.torch.manual_seed(globalSeed);
            using var model = new MilTrainer(new MLContext(1), Quick(MilTrainingMode.BagLevel, MilPoolingKind.GatedAttention, epochs: 2)).Fit(bags);
            return model.Score(bags).Probabilities;
        }

        Assert.Equal(Train(1), Train(2));
    }

    [Fact]
    public void Encoder_weights_are_loaded_before_training()
    {
        var path = Path.Combine(_folder, "encoder.pt");
        using (var generator = new TorchSharp.torch.Generator(99))
        using (var encoder = Networks.NetworkCatalog.Create("resnet10-tiny-2d", 2, generator: generator))
        {
            Weights.CheckpointLoader.SaveTorchSharp(encoder, path);
        }
        using var pretrained = Networks.NetworkCatalog.Create("resnet10-tiny-2d", 2);
        Weights.CheckpointLoader.Load(pretrained, path);
        var bags = SyntheticBags.Create(2, 2, seed: 34);
        // One Adam step moves a weight by at most about the learning rate: 1e-9 leaves the loaded weights in place.
        using var model = new MilTrainer(new MLContext(1), Quick(MilTrainingMode.BagLevel, MilPoolingKind.Mean, epochs: 1) with
        {
            EncoderWeightsPath = path,
            LearningRate = 1e-9,
        }).Fit(bags);

        var expected = pretrained.named_parameters().Single(p => p.name == "conv1.weight").parameter.data<float>().ToArray();
        var actual = model.Model.Network.Encoder.named_parameters().Single(p => p.name == "conv1.weight").parameter.data<float>().ToArray();
        Assert.Equal(expected, actual, new ToleranceComparer(1e-6f));
    }

    [Fact]
    public void A_non_finite_instance_value_is_refused_naming_its_bag()
    {
        var random = new Random(6);
        var broken = SyntheticBags.Noise(random, 3);
        broken[100] = float.NaN;
        var bags = SyntheticBags.Of(SyntheticBags.Noise(random, 2), broken);
        using var model = new MilTrainer(new MLContext(1), Quick(MilTrainingMode.BagLevel, MilPoolingKind.Mean, epochs: 1)).Fit(SyntheticBags.Create(2, 2, seed: 36));

        var error = Assert.Throws<ArgumentException>(() => model.Score(bags));
        Assert.Contains("Bag 1", error.Message);
    }

    [Fact]
    public void Cancelling_stops_training_with_operation_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var trainer = new MilTrainer(new MLContext(1), Quick(MilTrainingMode.BagLevel, MilPoolingKind.Mean, epochs: 1));
        Assert.Throws<OperationCanceledException>(() => trainer.Fit(SyntheticBags.Create(2, 2, seed: 35), cancellationToken: cancelled.Token));
    }

    [Fact]
    public void Instance_level_training_with_attention_pooling_is_refused() =>
        Assert.Throws<ArgumentException>(() => new MilTrainer(new MLContext(1), Quick(MilTrainingMode.InstanceLevel, MilPoolingKind.Attention)));

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
