using System.Collections.Immutable;
using OlnmMl.AutoML.Experiments;
using OlnmMl.Imaging.Preprocessing;
using OlnmMl.Torch.Networks;
using OlnmMl.Torch.Weights;
using OlnmMl.Workflows.Study;

namespace OlnmMl.Cli.Tests;

/// <summary><c>olnm cohort generate --preset unlabeled</c>, then <c>olnm pretrain</c> on its folder, interrupted and resumed.</summary>
[Collection("console")]
public sealed class PretrainCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("olnm-pretrain-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string[] Pretrain(string data, params string[] more) =>
        ["pretrain", "--data", data, "--network", "resnet10-tiny", "--out", Path.Combine(_directory, "encoder.pth"), "--crop", "16", "--batch", "3",
            "--cache", Path.Combine(_directory, "cache"), "--device", "cpu", .. more];

    [Fact]
    public void Unlabeled_volumes_pretrain_and_a_resumed_run_continues_from_the_saved_epoch()
    {
        var data = Path.Combine(_directory, "unlabeled");
        var (code, output, error) = InProcessOlnm.Run("cohort", "generate", "--preset", "unlabeled", "--count", "6", "--out", data, "--seed", "5");
        Assert.True(code == 0, error);
        Assert.Contains("6 unlabeled volumes written", output);
        Assert.Equal(6, Directory.GetFiles(Path.Combine(data, "images")).Length);
        Assert.Equal(6, Directory.GetFiles(Path.Combine(data, "masks")).Length);
        Assert.Equal(["cohort.complete.json"], Directory.GetFiles(data).Select(Path.GetFileName));

        (code, output, error) = InProcessOlnm.Run(Pretrain(data, "--epochs", "1"));
        Assert.True(code == 0, error);
        Assert.Contains("epoch 1: rotation", output);
        Assert.Contains("6 volumes, rotation,inpainting", output);

        // The first run stopped after epoch 1 (as if killed then); --resume with 2 epochs runs only epoch 2.
        (code, output, error) = InProcessOlnm.Run(Pretrain(data, "--epochs", "2", "--resume"));
        Assert.True(code == 0, error);
        Assert.DoesNotContain("epoch 1:", output);
        Assert.Contains("epoch 2: rotation", output);

        using var encoder = NetworkCatalog.Create("resnet10-tiny");
        CheckpointLoader.Load(encoder, Path.Combine(_directory, "encoder.pth"), new StrictLoadOptions { StripPrefixes = [] });
    }

    [Fact]
    public void A_pretraining_killed_mid_run_resumes_from_its_last_checkpoint_to_the_uninterrupted_weights()
    {
        var data = Path.Combine(_directory, "unlabeled");
        Assert.Equal(0, InProcessOlnm.Run("cohort", "generate", "--preset", "unlabeled", "--count", "6", "--out", data, "--seed", "5").ExitCode);
        var checkpoint = Path.Combine(_directory, "encoder.pth.checkpoint");
        using (var victim = OlnmProcess.Start(Pretrain(data, "--epochs", "1000")))
        {
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (!victim.HasExited && DateTime.UtcNow < deadline && !File.Exists(checkpoint))
            {
                Thread.Sleep(20);
            }

            Assert.False(victim.HasExited, victim.HasExited ? victim.StandardError.ReadToEnd() : "");
            victim.Kill(); // SIGKILL: no clean-up runs
            victim.WaitForExit();
        }

        var saved = PyTorchStateDict.Read(checkpoint);
        var epochs = (int)saved["meta.epoch"].item<long>() + 1;
        var (code, output, error) = InProcessOlnm.Run(Pretrain(data, "--epochs", epochs.ToString(System.Globalization.CultureInfo.InvariantCulture), "--resume"));
        Assert.True(code == 0, error);
        Assert.DoesNotContain($"epoch {epochs - 1}:", output);
        Assert.Contains($"epoch {epochs}: rotation", output);

        var uninterrupted = Path.Combine(_directory, "uninterrupted");
        Directory.CreateDirectory(uninterrupted);
        var args = Pretrain(data, "--epochs", epochs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        args[Array.IndexOf(args, "--out") + 1] = Path.Combine(uninterrupted, "encoder.pth");
        Assert.Equal(0, InProcessOlnm.Run(args).ExitCode);
        var resumed = PyTorchStateDict.Read(Path.Combine(_directory, "encoder.pth"));
        var straight = PyTorchStateDict.Read(Path.Combine(uninterrupted, "encoder.pth"));
        Assert.All(straight, p => Assert.True(p.Value.eq(resumed[p.Key]).all().item<bool>(), p.Key));
    }

    [Fact]
    public void A_study_on_the_unlabeled_preset_is_refused_in_one_line()
    {
        var (code, _, error) = InProcessOlnm.Run("run", "--dry-run", "--preset", "unlabeled", "--data", _directory, "--out", _directory);
        Assert.Equal(1, code);
        Assert.Equal("error: Synthetic cohort 'unlabeled' has no labels; it is the input of olnm pretrain, not of a study.", error.Trim());
    }

    [Theory]
    [InlineData("empty", "resnet10-tiny", "rotation", "holds no .nii, .nii.gz or .nrrd volume")]
    [InlineData("volumes", "resnet99", "rotation", "--network: 'resnet99' is not a 3D encoder (known: resnet10, resnet10-tiny,")]
    [InlineData("volumes", "resnet10-tiny", "rotation,jigsaw", "--tasks: 'jigsaw' is not a pre-training task (known: rotation, inpainting, contrastive, histogram).")]
    public void Bad_input_is_one_error_line(string folder, string network, string tasks, string message)
    {
        var data = Directory.CreateDirectory(Path.Combine(_directory, folder)).FullName;
        if (folder == "volumes")
        {
            File.WriteAllBytes(Path.Combine(data, "a.nii.gz"), []);
        }

        var (code, _, error) = InProcessOlnm.Run("pretrain", "--data", data, "--network", network, "--tasks", tasks, "--out", Path.Combine(_directory, "w.pth"));
        Assert.Equal(1, code);
        Assert.Contains(message, error);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Peritumoral_pretraining_caches_the_crops_a_study_with_the_same_options_reads()
    {
        var data = Path.Combine(_directory, "unlabeled");
        Assert.Equal(0, InProcessOlnm.Run("cohort", "generate", "--preset", "unlabeled", "--count", "3", "--out", data, "--seed", "5").ExitCode);

        var (code, output, error) = InProcessOlnm.Run(Pretrain(data, "--epochs", "1", "--channel", "ct-peritumoral", "--window=-900,-600", "--peritumoral-mm", "5"));

        Assert.True(code == 0, error);
        Assert.Contains("crops ct-peritumoral(0,5mm][-900,-600], 16³ at 1.5 mm", output);
        var study = ImageRecipeOptions.Of(
            new ExperimentData("synthetic:quick", SelectionStrategy.InternalValidation, [], ImmutableSortedDictionary.CreateRange(new Dictionary<string, string>
            {
                ["crop"] = "16", ["spacing"] = "1.5", ["channels"] = "ct-peritumoral", ["peritumoral-mm"] = "5", ["window-ct-peritumoral"] = "-900,-600",
            })),
            "study.yaml");
        var cache = new PreparedCaseCache(Path.Combine(_directory, "cache"));
        var images = Directory.GetFiles(Path.Combine(data, "images")).Order(StringComparer.Ordinal)
            .Select(image => CasePreprocessor.ImagesOf(image, Path.Combine(data, "masks", Path.GetFileName(image)), null)).ToList();
        Assert.Equal(
            images.Select(i => cache.Key(i, study) + ".crop").Order(StringComparer.Ordinal),
            Directory.GetFiles(Path.Combine(_directory, "cache")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(images, i => Assert.Equal(CasePreprocessor.Prepare(i, study).Channels[0], cache.GetOrPrepare(i, study).Channels[0]));
    }

    [Fact]
    public void A_peritumoral_channel_refuses_a_volume_without_mask_in_one_line()
    {
        var data = Directory.CreateDirectory(Path.Combine(_directory, "volumes")).FullName;
        File.WriteAllBytes(Path.Combine(data, "a.nii.gz"), []);

        var (code, _, error) = InProcessOlnm.Run("pretrain", "--data", data, "--channel", "ct-peritumoral", "--out", Path.Combine(_directory, "w.pth"));

        Assert.Equal(1, code);
        Assert.Equal(
            $"error: {Path.Combine(data, "a.nii.gz")}: has no tumour mask (masks/<same name> beside images/, or the manifest's mask), which channel 'ct-peritumoral' needs.",
            error.Trim());
    }

    [Theory]
    [InlineData("--channel pet", "--channel: 'pet' is not a pre-training channel (known: ct, ct-peritumoral).")]
    [InlineData("--window=-600,-900", "--window: '-600,-900' is not 'lower,upper' (HU) with upper > lower.")]
    [InlineData("--window=-900", "--window: '-900' is not 'lower,upper' (HU) with upper > lower.")]
    [InlineData("--channel ct-peritumoral --peritumoral-mm 0", "--peritumoral-mm: '0' is not a positive number of mm.")]
    [InlineData("--peritumoral-mm 5", "--peritumoral-mm: set, but --channel is 'ct'; the shell applies to --channel ct-peritumoral.")]
    public void Bad_channel_options_are_one_error_line(string options, string message)
    {
        var data = Directory.CreateDirectory(Path.Combine(_directory, "volumes")).FullName;
        File.WriteAllBytes(Path.Combine(data, "a.nii.gz"), []);

        var (code, _, error) = InProcessOlnm.Run(["pretrain", "--data", data, "--out", Path.Combine(_directory, "w.pth"), .. options.Split(' ')]);

        Assert.Equal(1, code);
        Assert.Equal("error: " + message, error.Trim());
    }
}
