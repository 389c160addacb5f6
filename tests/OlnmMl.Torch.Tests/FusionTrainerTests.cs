using Microsoft.ML;
using OlnmMl.Torch.Fusion;
using OlnmMl.Torch.Training;

namespace OlnmMl.Torch.Tests;

public sealed class FusionTrainerTests
{
    private static FusionTrainerOptions Quick(FusionMode mode, int epochs = 12, int seed = 7) => new()
    {
        Architecture = "resnet10-tiny",
        ImageShape = [1, SyntheticCase.Edge, SyntheticCase.Edge, SyntheticCase.Edge],
        Mode = mode,
        LearningRate = 3e-3,
        Epochs = epochs,
        CosineDecayStartEpoch = 2,
        EarlyStoppingPatience = 0,
        Seed = seed,
        Device = new TorchDeviceOptions { ForceCpu = true },
    };

    [Fact]
    public void ConcatFusionLearnsTheSyntheticSignalBeyondChance()
    {
        // Held-out test set of 40 positives and 40 negatives, never used for training or for
        // checkpoint selection. Under H0 (scores independent of labels) the Mann–Whitney AUC has
        // mean 0.5 and SD √((n₊ + n₋ + 1) / (12 n₊ n₋)) = √(81 / 19200) = 0.065; 0.75 is 3.8 SD
        // above chance (one-sided p < 10⁻⁴).
        var ml = new MLContext(seed: 1);
        var train = SyntheticCohort.Create(ml, 36, 36, seed: 11);
        var validation = SyntheticCohort.Create(ml, 12, 12, seed: 12);
        var test = SyntheticCohort.Create(ml, 40, 40, seed: 13);
        using var model = ml.Torch().Fusion(Quick(FusionMode.Concat)).Fit(train, validation);

        var metrics = ml.BinaryClassification.Evaluate(model.Transform(test));
        Assert.True(metrics.AreaUnderRocCurve > 0.75, $"test AUC {metrics.AreaUnderRocCurve:F3}");
        Assert.Equal(12, model.Report!.ValidationAuc.Count);
        Assert.Equal(model.Report.ValidationAuc.Max(), model.Report.ValidationAuc[model.Report.SelectedEpoch]);
    }

    [Fact]
    public void TheReportListsWhatTheEncoderWeightsFileCarriedBeyondTheEncoder()
    {
        string path = Path.Combine(Path.GetTempPath(), $"encoder-{Guid.NewGuid():N}.pt");
        try
        {
            using (var generator = new TorchSharp.torch.Generator(77))
            using (var pretrained = Networks.NetworkCatalog.Create("resnet10-tiny", generator: generator))
            {
                TorchSaveFile.Write(path, TorchSaveFile.Entries(pretrained, "module.").Append(new("fc.weight", [1f], [1], [1])));
            }
            var ml = new MLContext(seed: 1);
            using var model = ml.Torch().Fusion(Quick(FusionMode.DeepOnly, epochs: 1) with { EncoderWeightsPath = path })
                .Fit(SyntheticCohort.Create(ml, 3, 3, seed: 4));
            var loaded = Assert.Single(model.Report!.EncoderWeights);
            Assert.Equal("fc", Assert.Single(loaded.IgnoredGroups).Key);
            Assert.Equal(path, loaded.Source);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void SameSeedGivesIdenticalWeightsAndOtherSeedDoesNot()
    {
        var ml = new MLContext(seed: 1);
        var train = SyntheticCohort.Create(ml, 6, 6, seed: 3);
        using var first = ml.Torch().Fusion(Quick(FusionMode.LearnableAddProjected, epochs: 2)).Fit(train);
        using var second = ml.Torch().Fusion(Quick(FusionMode.LearnableAddProjected, epochs: 2)).Fit(train);
        using var other = ml.Torch().Fusion(Quick(FusionMode.LearnableAddProjected, epochs: 2, seed: 8)).Fit(train);
        var a = first.Model.Network.state_dict();
        var b = second.Model.Network.state_dict();
        var c = other.Model.Network.state_dict();
        Assert.All(a.Keys, key => Assert.True(a[key].eq(b[key]).all().item<bool>(), key));
        Assert.Contains(a.Keys, key => !a[key].eq(c[key]).all().item<bool>());
    }

    [Theory]
    [InlineData(FusionMode.AddProjected)]
    [InlineData(FusionMode.ConcatProjected)]
    [InlineData(FusionMode.DeepOnly)]
    [InlineData(FusionMode.RadiomicsOnly)]
    public void SavedModelScoresEveryRowAsBeforeWithStandardColumns(FusionMode mode)
    {
        var ml = new MLContext(seed: 1);
        var train = SyntheticCohort.Create(ml, 6, 6, seed: 4);
        using var model = ml.Torch().Fusion(Quick(mode, epochs: 1)).Fit(train);
        string path = Path.Combine(Path.GetTempPath(), $"fusion-{Guid.NewGuid():N}.olnm");
        try
        {
            model.SaveModel(path);
            using var loaded = FusionTransformer.Load(ml, path);
            var before = ml.Data.CreateEnumerable<FusionPredictionRow>(model.Transform(train), reuseRowObject: false).ToList();
            var after = ml.Data.CreateEnumerable<FusionPredictionRow>(loaded.Transform(train), reuseRowObject: false).ToList();
            Assert.Equal(before.Select(r => r.Score), after.Select(r => r.Score));
            Assert.Equal(mode.Name(), loaded.Model.Info.Mode);
            // Probability = σ(Score); PredictedLabel = Probability > ½.
            Assert.All(after, r => Assert.Equal(1 / (1 + Math.Exp(-r.Score)), r.Probability, 5));
            Assert.All(after, r => Assert.Equal(r.Probability > 0.5f, r.PredictedLabel));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LoadRejectsAnotherFormatVersionNamingTheFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"fusion-{Guid.NewGuid():N}.olnm");
        try
        {
            using (var writer = new BinaryWriter(File.Create(path)))
            {
                writer.Write("OLNMFUSN"u8.ToArray());
                writer.Write(99);
            }
            var error = Assert.Throws<InvalidDataException>(() => FusionModel.Load(path));
            Assert.Contains(path, error.Message);
            Assert.Contains("version 99", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AFormat2FileWithoutAMedicalNetEncoderStillLoadsAndScoresAsBefore()
    {
        var ml = new MLContext(seed: 1);
        var train = SyntheticCohort.Create(ml, 4, 4, seed: 6);
        using var model = ml.Torch().Fusion(Quick(FusionMode.Concat, epochs: 1)).Fit(train);
        string path = Path.Combine(Path.GetTempPath(), $"fusion-{Guid.NewGuid():N}.olnm");
        try
        {
            model.SaveModel(path);
            Assert.Equal(FusionModelInfo.CurrentFormatVersion, FormatVersionOf(path));
            PatchFormatVersion(path, 2);
            using var loaded = FusionTransformer.Load(ml, path);
            var before = ml.Data.CreateEnumerable<FusionPredictionRow>(model.Transform(train), reuseRowObject: false).Select(r => r.Score);
            var after = ml.Data.CreateEnumerable<FusionPredictionRow>(loaded.Transform(train), reuseRowObject: false).Select(r => r.Score);
            Assert.Equal(before, after);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AFormat2FileWithAMedicalNetEncoderIsRefusedNamingTheEncoder()
    {
        // Format 2 built resnet18-medicalnet undilated: its weights have the shapes of today's dilated row.
        var info = new FusionModelInfo
        {
            Network = FusionNetworkSpec.Create(FusionMode.Concat, "resnet18-medicalnet", [1, 16, 16, 16], ["ct"], 3),
            ImageColumnName = "Image",
            RadiomicsColumnName = "Radiomics",
            Seed = 1,
            SelectedEpoch = 1,
        };
        string path = Path.Combine(Path.GetTempPath(), $"fusion-{Guid.NewGuid():N}.olnm");
        try
        {
            using (var writer = new BinaryWriter(File.Create(path)))
            {
                writer.Write("OLNMFUSN"u8.ToArray());
                writer.Write(2);
                writer.Write(System.Text.Json.JsonSerializer.Serialize(info));
            }

            var error = Assert.Throws<InvalidDataException>(() => FusionModel.Load(path));

            Assert.Equal(
                $"'{path}' is a fusion model of format 2: its encoder 'image' is resnet18-medicalnet, which format 2 built without MedicalNet's dilated layer3/4 (this build's resnet18-medicalnet would score it as another network). Retrain it with this build.",
                error.Message);
            Assert.Null(info.FormatProblem(FusionModelInfo.CurrentFormatVersion));
            Assert.Null((info with { Network = FusionNetworkSpec.Create(FusionMode.Concat, "resnet18", [1, 16, 16, 16], ["ct"], 3) }).FormatProblem(2));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static int FormatVersionOf(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        reader.ReadBytes("OLNMFUSN"u8.Length);
        return reader.ReadInt32();
    }

    private static void PatchFormatVersion(string path, int version)
    {
        using var stream = File.OpenWrite(path);
        stream.Position = "OLNMFUSN"u8.Length;
        stream.Write(BitConverter.GetBytes(version));
    }

    [Fact]
    public void NaNInAnImageNamesTheColumnAndRow()
    {
        var ml = new MLContext(seed: 1);
        var cases = SyntheticCohort.Cases(3, 3, seed: 5);
        cases[4].Image[100] = float.NaN;
        var error = Assert.Throws<ArgumentException>(
            () => ml.Torch().Fusion(Quick(FusionMode.Concat, epochs: 1)).Fit(ml.Data.LoadFromEnumerable(cases)));
        Assert.Contains("'Image'", error.Message);
        Assert.Contains("row 4", error.Message);
    }

    [Fact]
    public void ScoringARowWithNaNRadiomicsNamesTheColumn()
    {
        var ml = new MLContext(seed: 1);
        var cases = SyntheticCohort.Cases(3, 3, seed: 9);
        using var model = ml.Torch().Fusion(Quick(FusionMode.RadiomicsOnly, epochs: 1)).Fit(ml.Data.LoadFromEnumerable(cases));
        cases[2].Radiomics[1] = float.NaN;
        var error = Assert.ThrowsAny<Exception>(
            () => ml.Data.CreateEnumerable<FusionPredictionRow>(model.Transform(ml.Data.LoadFromEnumerable(cases)), reuseRowObject: false).ToList());
        var root = error.InnerException ?? error;
        Assert.Contains("'Radiomics'", root.Message);
        Assert.Contains("non-finite", root.Message);
    }
}
