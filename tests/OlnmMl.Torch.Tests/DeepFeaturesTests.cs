using Microsoft.ML;
using Microsoft.ML.Data;
using OlnmMl.Imaging;
using OlnmMl.Imaging.Geometry;
using OlnmMl.Imaging.IO;
using OlnmMl.Imaging.Preprocessing;
using OlnmMl.Tests.Shared;
using OlnmMl.Torch.DeepFeatures;
using OlnmMl.Torch.Networks;
using TorchSharp;

namespace OlnmMl.Torch.Tests;

public sealed class DeepFeaturesTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("olnm-deep-").FullName;

    public sealed class CaseRow
    {
        public string ImagePath { get; set; } = "";
        public string MaskPath { get; set; } = "";
    }

    [Fact]
    public void FeaturesOfAUniformCaseEqualTheEncoderOnTheHandComputedCrop()
    {
        // CT of −600 HU everywhere: the [−1600, 400] window maps it to (−600 + 1600) / 2000 = 0.5,
        // so the 16³ crop is 0.5 everywhere wherever the mask is.
        var (ct, mask) = WriteCase("uniform", -600f, maskEdge: 4);
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable([new CaseRow { ImagePath = ct, MaskPath = mask }, new CaseRow { ImagePath = ct, MaskPath = mask }]);
        var options = Options();
        using var transformer = ml.Torch().DeepFeatures(options).Fit(data);
        var column = transformer.Transform(data).GetColumn<float[]>("DeepFeatures").ToList();

        using var generator = new torch.Generator((ulong)options.Seed!.Value);
        using var reference = NetworkCatalog.Create("resnet10-tiny", generator: generator);
        reference.eval();
        using var crop = torch.full([1, 1, 16, 16, 16], 0.5f);
        using var expected = reference.Features(crop);
        Assert.Equal(64, column[0].Length);
        for (int i = 0; i < 64; i++)
        {
            Assert.Equal(expected[0, i].item<float>(), column[0][i], 5);
        }
        Assert.Equal(column[0], column[1]);
        Assert.Single(Directory.GetFiles(options.CacheDirectory, "*.crop"));
    }

    [Fact]
    public void AFullCheckpointGivesTheEncoderItsWeightsAndTheTransformerListsWhatItIgnored()
    {
        // A SwinUNETR-style file: the encoder under swinViT., a decoder and an output block beside it, no batch counters.
        var (ct, mask) = WriteCase("uniform", -600f, maskEdge: 4);
        using var generator = new torch.Generator(77);
        using var pretrained = NetworkCatalog.Create("resnet10-tiny", generator: generator);
        string path = Path.Combine(folder, "full.pt");
        TorchSaveFile.Write(path, TorchSaveFile.Entries(pretrained, "swinViT.")
            .Concat([new("decoder1.conv.weight", [1f], [1], [1]), new("out.conv.weight", [1f], [1], [1])]), wrapper: "state_dict");
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable([new CaseRow { ImagePath = ct, MaskPath = mask }]);
        using var transformer = ml.Torch().DeepFeatures(Options() with { EncoderWeightsPath = path }).Fit(data);
        var features = transformer.Transform(data).GetColumn<float[]>("DeepFeatures").Single();

        Assert.Equal(["decoder1", "out"], transformer.EncoderWeights!.IgnoredGroups.Select(g => g.Key));
        Assert.Equal(pretrained.state_dict().Keys.Count(k => k.EndsWith("num_batches_tracked", StringComparison.Ordinal)), transformer.EncoderWeights.DefaultedCounters.Count);
        pretrained.eval();
        using var crop = torch.full([1, 1, 16, 16, 16], 0.5f);
        using var expected = pretrained.Features(crop);
        for (int i = 0; i < features.Length; i++)
        {
            Assert.Equal(expected[0, i].item<float>(), features[i], 5);
        }
    }

    [Fact]
    public void CropsColumnHoldsTheWindowedCubeOfEachCase()
    {
        // −600 HU → 0.5 and −1600 HU (and below) → 0 under the [−1600, 400] window: 16³ values.
        var (bright, brightMask) = WriteCase("bright", -600f, maskEdge: 4);
        var (dark, darkMask) = WriteCase("dark", -2000f, maskEdge: 4);
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable([new CaseRow { ImagePath = bright, MaskPath = brightMask }, new CaseRow { ImagePath = dark, MaskPath = darkMask }]);
        var options = new Crops.CropsOptions { Crop = new CropOptions { Edge = 16 }, CacheDirectory = Path.Combine(folder, "crops") };
        var crops = ml.Torch().Crops(options).Fit(data).Transform(data).GetColumn<float[]>("Image").ToList();
        Assert.Equal(16 * 16 * 16, crops[0].Length);
        Assert.All(crops[0], v => Assert.Equal(0.5f, v, 6));
        Assert.All(crops[1], v => Assert.Equal(0f, v, 6));
    }

    public sealed class LabelledCaseRow
    {
        public string ImagePath { get; set; } = "";
        public string MaskPath { get; set; } = "";
        public bool Label { get; set; }
    }

    [Fact]
    public void FineTuningKeepsTheEncoderOfADeepOnlyFusionRunOnTheSameCrops()
    {
        // Reference: the fusion trainer in deep-only mode on the Crops column of the same rows
        // with the same options (deterministic per seed) — its EMA encoder must be the one frozen.
        var rows = Enumerable.Range(0, 6).Select(i =>
        {
            var (ct, mask) = WriteCase($"case{i}", i < 3 ? -500f : -900f, maskEdge: 4);
            return new LabelledCaseRow { ImagePath = ct, MaskPath = mask, Label = i < 3 };
        }).ToList();
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(rows);
        var tuning = new Fusion.FusionTrainerOptions { Epochs = 2, BatchSize = 3, LearningRate = 1e-2, CentreColumnName = null, Seed = 9, EarlyStoppingPatience = 0 };
        var options = Options() with { FineTuning = tuning };
        using var tuned = ml.Torch().DeepFeatures(options).Fit(data);
        var features = tuned.Transform(data).GetColumn<float[]>("DeepFeatures").ToList();

        var crops = ml.Torch().Crops(new Crops.CropsOptions { Crop = options.Crop, CacheDirectory = options.CacheDirectory }).Fit(data).Transform(data);
        using var reference = ml.Torch().Fusion(tuning with
        {
            Mode = Fusion.FusionMode.DeepOnly,
            Architecture = "resnet10-tiny",
            ImageShape = [1, 16, 16, 16],
        }).Fit(crops);
        var images = crops.GetColumn<float[]>("Image").ToList();
        var encoder = reference.Model.Network.Encoders[0];
        using var input = torch.tensor(images[0], [1, 1, 16, 16, 16]);
        using var expected = encoder.Features(input);
        Assert.Equal(expected.data<float>().ToArray(), features[0]);

        using var untuned = ml.Torch().DeepFeatures(Options()).Fit(data);
        Assert.NotEqual(untuned.Transform(data).GetColumn<float[]>("DeepFeatures").First(), features[0]);
    }

    [Fact]
    public void WithoutASeedTheEncoderIsSeededByTheCallersContext()
    {
        // Same context seed → same random encoder → identical features; another context seed → other features.
        var (ct, mask) = WriteCase("seeded", -600f, maskEdge: 4);
        float[] Features(int contextSeed)
        {
            var ml = new MLContext(seed: contextSeed);
            var data = ml.Data.LoadFromEnumerable([new CaseRow { ImagePath = ct, MaskPath = mask }]);
            using var transformer = ml.Torch().DeepFeatures(Options() with { Seed = null }).Fit(data);
            return transformer.Transform(data).GetColumn<float[]>("DeepFeatures").Single();
        }

        var first = Features(3);
        Assert.Equal(first, Features(3));
        Assert.NotEqual(first, Features(4));
    }

    private sealed class ImageOnlyRow
    {
        public string ImagePath { get; set; } = "";
    }

    [Fact]
    public void DeepFeaturesWorkout()
    {
        // Re-created from its options, DeepFeatures has no saved form: schema and bad input only.
        var (ct, mask) = WriteCase("workout", -600f, maskEdge: 4);
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable([new CaseRow { ImagePath = ct, MaskPath = mask }]);
        var bad = ml.Data.LoadFromEnumerable([new ImageOnlyRow { ImagePath = ct }]);
        using var transformer = EstimatorWorkout.Run(ml.Torch().DeepFeatures(Options()), data, bad,
            "DeepFeatures needs the path column 'MaskPath', which the data lacks.", saveLoad: null);
    }

    [Fact]
    public void CropsWorkout()
    {
        // Re-created from its options, Crops has no saved form: schema and bad input only.
        var (ct, mask) = WriteCase("workout-crops", -600f, maskEdge: 4);
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable([new CaseRow { ImagePath = ct, MaskPath = mask }]);
        var bad = ml.Data.LoadFromEnumerable([new ImageOnlyRow { ImagePath = ct }]);
        var options = new Crops.CropsOptions { Crop = new CropOptions { Edge = 16 }, CacheDirectory = Path.Combine(folder, "crops") };
        EstimatorWorkout.Run(ml.Torch().Crops(options), data, bad, "Crops needs the path column 'MaskPath', which the data lacks.", saveLoad: null);
    }

    [Fact]
    public void AMaskLargerThanTheCropNamesTheMaskFile()
    {
        var (ct, mask) = WriteCase("large", -600f, maskEdge: 18);
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable([new CaseRow { ImagePath = ct, MaskPath = mask }]);
        using var transformer = ml.Torch().DeepFeatures(Options()).Fit(data);
        var error = Assert.ThrowsAny<Exception>(() => transformer.Transform(data).GetColumn<float[]>("DeepFeatures").ToList());
        var inner = error is VolumeFormatException ? error : error.InnerException ?? error;
        Assert.Contains(mask, inner.Message);
        Assert.Contains("cannot contain the mask", inner.Message);
    }

    private DeepFeaturesOptions Options() => new()
    {
        Architecture = "resnet10-tiny",
        Crop = new CropOptions { Edge = 16 },
        CacheDirectory = Path.Combine(folder, "cache"),
        Seed = 5,
        Device = new TorchDeviceOptions { ForceCpu = true },
    };

    private (string Ct, string Mask) WriteCase(string name, float hounsfield, int maskEdge)
    {
        var geometry = ImageGeometry.AxisAligned(GridSize.Cube(24), new Vec3(1, 1, 1));
        var ct = Volume.Zeros(geometry);
        Array.Fill(ct.Voxels, hounsfield);
        var mask = Volume.Zeros(geometry);
        int start = 12 - maskEdge / 2;
        for (int z = start; z < start + maskEdge; z++)
        for (int y = start; y < start + maskEdge; y++)
        for (int x = start; x < start + maskEdge; x++)
        {
            mask[x, y, z] = 1;
        }
        string ctPath = Path.Combine(folder, $"{name}-ct.nii.gz");
        string maskPath = Path.Combine(folder, $"{name}-mask.nii.gz");
        VolumeIO.Write(ct, ctPath);
        VolumeIO.Write(mask, maskPath);
        return (ctPath, maskPath);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
