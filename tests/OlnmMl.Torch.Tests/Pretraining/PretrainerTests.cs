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
        Assert.Equal("--tasks: 'jigsaw' is not a pre-training task (known: rotation, inpainting, contrastive).", error.Message);
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
