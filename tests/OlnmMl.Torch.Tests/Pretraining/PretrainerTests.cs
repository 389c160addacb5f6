using OlnmMl.Torch.Networks;
using OlnmMl.Torch.Pretraining;
using OlnmMl.Torch.Training;
using OlnmMl.Torch.Weights;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Tests.Pretraining;

public sealed class PretrainerTests : IDisposable
{
    private const int Edge = 16;
    private readonly string folder = Directory.CreateTempSubdirectory("olnm-pretrain-").FullName;

    private PretrainingOptions Options(PretrainingTasks tasks, int epochs = 1, bool resume = false, string name = "weights.pth") => new()
    {
        Tasks = tasks,
        Crop = new() { Edge = Edge, Spacing = 1.5, RequireMaskInsideCrop = false },
        Epochs = epochs,
        BatchSize = 4,
        Seed = 7,
        Resume = resume,
        OutputPath = Path.Combine(folder, name),
        CheckpointPath = Path.Combine(folder, "weights.checkpoint"),
    };

    [Theory]
    [InlineData(PretrainingTasks.Rotation, "rotation")]
    [InlineData(PretrainingTasks.Inpainting, "inpainting")]
    [InlineData(PretrainingTasks.Contrastive, "contrastive")]
    [InlineData(PretrainingTasks.Histogram, "histogram")]
    public void EachProxyTaskLossDropsOverAFewSeededStepsOnTheSameBatch(PretrainingTasks task, string name)
    {
        // Chance levels: rotation log 4 ≈ 1.39, contrastive log(2N − 1) = log 7 ≈ 1.95 for N = 4; inpainting starts near the
        // mean |x − decoder(f)| of untrained weights. Twelve Adam steps on one batch must cut each by more than a quarter.
        var crops = OrientedCrops.Create(4, Edge, seed: 1);
        var options = Options(task);
        using var network = Pretrainer.Create(options);
        using var optimizer = new AdamOptimizer(network.parameters(), 0);
        using var batch = Pretrainer.Batch(crops, [0, 1, 2, 3], Edge, CPU);
        var losses = Enumerable.Range(0, 12).Select(step => Pretrainer.Step(network, optimizer, batch, new Random(step % 2), 1e-3)[name]).ToArray();
        Assert.True(losses[^2..].Average() < 0.75 * losses[..2].Average(), $"{name}: {string.Join(", ", losses)}");
    }

    [Fact]
    public void RotationHeadBeatsChanceOnHeldOutCrops()
    {
        // 32 held-out predictions (8 crops × 4 turns); chance is 1/4, so ≥ 16 right has probability < 0.001 by luck.
        var options = Options(PretrainingTasks.Rotation) with { BatchSize = 8 };
        var train = OrientedCrops.Create(32, Edge, seed: 2);
        var heldOut = OrientedCrops.Create(8, Edge, seed: 3);
        using var network = Pretrainer.Create(options);
        using var optimizer = new AdamOptimizer(network.parameters(), 0);
        for (int epoch = 0; epoch < 6; epoch++)
        {
            var random = OlnmMl.Torch.Training.EpochRandom.For(options.Seed, epoch);
            for (int start = 0; start < train.Length; start += 8)
            {
                using var batch = Pretrainer.Batch(train, Enumerable.Range(start, 8).ToArray(), Edge, CPU);
                Pretrainer.Step(network, optimizer, batch, random, 2e-3);
            }
        }
        network.eval();
        using var crops = Pretrainer.Batch(heldOut, Enumerable.Range(0, 8).ToArray(), Edge, CPU);
        int right = 0;
        for (long k = 0; k < 4; k++)
        {
            using var turned = PretrainingViews.Turn(crops, Enumerable.Repeat(k, 8).ToArray());
            right += network.PredictRotation(turned).Count(p => p == k);
        }
        Assert.True(right >= 16, $"{right} of 32 rotations right");
    }

    [Fact]
    public void HistogramTargetAndLossMatchAHandCalculation()
    {
        // Crop 0: five voxels above the floor, three at 0.2 (bin ⌊16·0.2⌋ = 3), one at 0.7 (bin 11), one at 1.0 (bin 16 → the last,
        // 15); p = (0.6, 0.2, 0.2) there. Crop 1 is all floor: a zero row, left out of the mean. Against uniform logits,
        // KL = 0.6 ln 0.6 + 2 · 0.2 ln 0.2 + ln 16 = −0.30650 − 0.64378 + 2.77259 = 1.82230.
        var crops = new float[2][];
        crops[0] = new float[Edge * Edge * Edge];
        crops[1] = new float[Edge * Edge * Edge];
        (crops[0][5], crops[0][77], crops[0][900], crops[0][1000], crops[0][4095]) = (0.2f, 0.2f, 0.2f, 0.7f, 1f);
        using var batch = Pretrainer.Batch(crops, [0, 1], Edge, CPU);
        using var target = IntensityHistogramLoss.Target(batch);
        var p = target.data<float>().ToArray();
        var expected = new float[32];
        (expected[3], expected[11], expected[15]) = (0.6f, 0.2f, 0.2f);
        Assert.Equal(expected, p, (a, b) => Math.Abs(a - b) < 1e-6);
        using var uniform = zeros(2, IntensityHistogramLoss.Bins);
        using var loss = IntensityHistogramLoss.Compute(uniform, target);
        Assert.Equal(1.82230, loss.item<float>(), 4);
        using var exact = target.narrow(0, 0, 1).clamp_min(1e-30).log();
        using var perfect = IntensityHistogramLoss.Compute(exact, target.narrow(0, 0, 1));
        Assert.Equal(0, perfect.item<float>(), 5);
    }

    [Fact]
    public void HistogramHeadCodesTheIntensityLevelOfHeldOutShells()
    {
        // Shells of random radius at a level uniform in [0.1, 0.9] on a zero floor: after pre-training on 48 crops, the mean of
        // the predicted histogram (Σ q_b (b + ½) / 16) tracks the held-out crops' level to within half the error of always
        // predicting the training crops' mean level.
        var (train, trainLevels) = ShellCrops(48, seed: 8);
        var (heldOut, levels) = ShellCrops(12, seed: 9);
        var options = Options(PretrainingTasks.Histogram) with { BatchSize = 8 };
        using var network = Pretrainer.Create(options);
        using var optimizer = new AdamOptimizer(network.parameters(), 0);
        for (int epoch = 0; epoch < 8; epoch++)
        {
            var random = EpochRandom.For(options.Seed, epoch);
            for (int start = 0; start < train.Length; start += 8)
            {
                using var batch = Pretrainer.Batch(train, Enumerable.Range(start, 8).ToArray(), Edge, CPU);
                Pretrainer.Step(network, optimizer, batch, random, 3e-3);
            }
        }
        network.eval();
        using var crops = Pretrainer.Batch(heldOut, Enumerable.Range(0, heldOut.Length).ToArray(), Edge, CPU);
        using var predicted = network.PredictHistogram(crops);
        var q = predicted.data<float>().ToArray();
        var means = Enumerable.Range(0, heldOut.Length)
            .Select(i => Enumerable.Range(0, IntensityHistogramLoss.Bins).Sum(b => q[i * IntensityHistogramLoss.Bins + b] * (b + 0.5) / IntensityHistogramLoss.Bins))
            .ToArray();
        double error = means.Zip(levels).Average(p => Math.Abs(p.First - p.Second));
        double constant = levels.Average(l => Math.Abs(trainLevels.Average() - l));
        Assert.True(error < 0.5 * constant, $"mean |error| {error:F3} vs {constant:F3} for the constant");
    }

    private static (float[][] Crops, double[] Levels) ShellCrops(int count, int seed)
    {
        var random = new Random(seed);
        var crops = new float[count][];
        var levels = new double[count];
        for (int n = 0; n < count; n++)
        {
            levels[n] = 0.1 + 0.8 * random.NextDouble();
            double radius = 3 + 3 * random.NextDouble();
            var crop = new float[Edge * Edge * Edge];
            for (int z = 0; z < Edge; z++)
            {
                for (int y = 0; y < Edge; y++)
                {
                    for (int x = 0; x < Edge; x++)
                    {
                        double r = Math.Sqrt(Math.Pow(x - 7.5, 2) + Math.Pow(y - 7.5, 2) + Math.Pow(z - 7.5, 2));
                        if (r > radius && r <= radius + 2)
                        {
                            crop[x + Edge * (y + Edge * z)] = (float)(levels[n] + 0.04 * random.NextDouble() - 0.02);
                        }
                    }
                }
            }
            crops[n] = crop;
        }
        return (crops, levels);
    }

    [Fact]
    public void SavedWeightsLoadStrictlyIntoTheCatalogEncoderAndEqualTheTrainedEncoder()
    {
        var options = Options(PretrainingTasks.Rotation | PretrainingTasks.Inpainting);
        var report = Pretrainer.Run(OrientedCrops.Create(8, Edge, seed: 4), options);
        using var loaded = NetworkCatalog.Create("resnet10-tiny");
        CheckpointLoader.Load(loaded, options.OutputPath, new StrictLoadOptions { StripPrefixes = [] });
        var checkpoint = PyTorchStateDict.Read(options.Checkpoint);
        using var fresh = Pretrainer.Create(options);
        var initial = fresh.Encoder.state_dict();
        foreach (var (name, value) in loaded.state_dict())
        {
            Assert.True(value.eq(checkpoint["network.encoder." + name]).all().item<bool>(), name);
        }
        Assert.Contains(loaded.state_dict(), p => p.Key.EndsWith("weight") && !p.Value.eq(initial[p.Key]).all().item<bool>());
        Assert.DoesNotContain(PyTorchStateDict.Read(options.OutputPath).Keys, k => k.Contains("head"));
        Assert.Equal(2, report.Losses[0].Count);
        foreach (var tensor in checkpoint.Values)
        {
            tensor.Dispose();
        }
    }

    [Fact]
    public void ResumedRunContinuesFromTheSavedEpochAndEndsWhereAnUninterruptedRunEnds()
    {
        var crops = OrientedCrops.Create(8, Edge, seed: 5);
        var straight = Options(PretrainingTasks.Rotation | PretrainingTasks.Inpainting, epochs: 2, name: "straight.pth") with { CheckpointPath = Path.Combine(folder, "straight.checkpoint") };
        Pretrainer.Run(crops, straight);
        Pretrainer.Run(crops, Options(PretrainingTasks.Rotation | PretrainingTasks.Inpainting, epochs: 1, name: "resumed.pth"));
        var resumed = Pretrainer.Run(crops, Options(PretrainingTasks.Rotation | PretrainingTasks.Inpainting, epochs: 2, resume: true, name: "resumed.pth"));
        Assert.Equal(1, resumed.FirstEpoch);
        Assert.Single(resumed.Losses);
        var a = PyTorchStateDict.Read(straight.OutputPath);
        var b = PyTorchStateDict.Read(Path.Combine(folder, "resumed.pth"));
        Assert.Equal(a.Keys.Order(), b.Keys.Order());
        foreach (var key in a.Keys)
        {
            Assert.True(a[key].eq(b[key]).all().item<bool>(), key);
        }
    }

    [Fact]
    public void ACheckpointOfAnotherPretrainingIsRefusedOnResume()
    {
        var crops = OrientedCrops.Create(4, Edge, seed: 6);
        Pretrainer.Run(crops, Options(PretrainingTasks.Rotation));
        var error = Assert.Throws<ArgumentException>(() => Pretrainer.Run(crops, Options(PretrainingTasks.Inpainting, epochs: 2, resume: true)));
        Assert.StartsWith("--resume: checkpoint", error.Message);
    }

    [Fact]
    public void TaskNamesParseAndUnknownOnesAreRefusedNamingTheKnownTasks()
    {
        Assert.Equal(PretrainingTasks.Rotation | PretrainingTasks.Contrastive, PretrainingTaskNames.Parse("rotation, contrastive"));
        var error = Assert.Throws<ArgumentException>(() => PretrainingTaskNames.Parse("rotation,jigsaw"));
        Assert.Equal("--tasks: 'jigsaw' is not a pre-training task (known: rotation, inpainting, contrastive, histogram).", error.Message);
    }

    [Fact]
    public void AFolderWithoutVolumesIsRefusedInOneLine()
    {
        var error = Assert.Throws<ArgumentException>(() => PretrainingVolume.FromFolder(folder));
        Assert.Equal($"--data: folder '{folder}' holds no .nii, .nii.gz or .nrrd volume.", error.Message);
    }

    [Fact]
    public void FolderVolumesPairWithMasksOfTheSameNameAndSkipTheMaskFolder()
    {
        Directory.CreateDirectory(Path.Combine(folder, "images"));
        Directory.CreateDirectory(Path.Combine(folder, "masks"));
        foreach (var file in new[] { "images/a.nii.gz", "images/b.nii.gz", "masks/a.nii.gz", "c.nrrd" })
        {
            File.WriteAllBytes(Path.Combine(folder, file), []);
        }
        var volumes = PretrainingVolume.FromFolder(folder);
        Assert.Equal(
            [new(Path.Combine(folder, "c.nrrd"), null), new(Path.Combine(folder, "images/a.nii.gz"), Path.Combine(folder, "masks/a.nii.gz")), new PretrainingVolume(Path.Combine(folder, "images/b.nii.gz"), null)],
            volumes);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
