using Microsoft.ML;
using OlnmMl.Torch.Fusion;
using OlnmMl.Torch.Networks;
using OlnmMl.Torch.Weights;
using TorchSharp;

namespace OlnmMl.Torch.Tests;

/// <summary>Fine-tuning a pre-trained encoder: <see cref="FusionTrainerOptions.FreezeEncoderEpochs"/> and <see cref="FusionTrainerOptions.EncoderLearningRateScale"/>.</summary>
public sealed class FineTuningOptionsTests : IDisposable
{
    private readonly string _weights = Path.Combine(Path.GetTempPath(), $"olnm-finetune-{Guid.NewGuid():N}.pth");

    public FineTuningOptionsTests()
    {
        using var generator = new torch.Generator(99);
        using var encoder = NetworkCatalog.Create("resnet10-tiny", 1, 0, generator);
        PyTorchStateDictWriter.Write(_weights, encoder.state_dict());
    }

    public void Dispose() => File.Delete(_weights);

    private FusionTrainerOptions Options(int freeze, double scale) => new()
    {
        Architecture = "resnet10-tiny",
        ImageShape = [1, SyntheticCase.Edge, SyntheticCase.Edge, SyntheticCase.Edge],
        Mode = FusionMode.DeepOnly,
        LearningRate = 3e-3,
        Epochs = 2,
        CosineDecayStartEpoch = 0,
        EarlyStoppingPatience = 0,
        Seed = 7,
        EncoderWeightsPath = _weights,
        FreezeEncoderEpochs = freeze,
        EncoderLearningRateScale = scale,
        RandomFlips = true,
        MaxShift = 1,
        IntensityJitter = 0.1,
        Device = new TorchDeviceOptions { ForceCpu = true },
    };

    [Theory]
    // Frozen for both epochs: weights and batch-norm statistics stay the file's (the EMA's m·θ + (1 − m)·θ may round by an ulp).
    [InlineData(2, 1.0, false, false)]
    // Learning-rate factor 0: weights stay, batch norm (training mode) still updates its running statistics.
    [InlineData(0, 0.0, false, true)]
    // Neither: the encoder learns.
    [InlineData(0, 1.0, true, true)]
    public void FrozenOrZeroRateEncodersKeepThePretrainedWeightsWhileTheHeadLearns(int freeze, double scale, bool weightsMove, bool statisticsMove)
    {
        var ml = new MLContext(seed: 1);
        using var model = ml.Torch().Fusion(Options(freeze, scale)).Fit(SyntheticCohort.Create(ml, 6, 6, seed: 3));
        var pretrained = PyTorchStateDict.Read(_weights);
        var trained = model.Model.Network.Encoder("image").state_dict();
        bool Moved(Func<string, bool> which) => trained.Where(p => which(p.Key)).Any(p => !p.Value.allclose(pretrained[p.Key], rtol: 1e-5, atol: 1e-7));
        Assert.Equal(weightsMove, Moved(k => k.EndsWith("weight", StringComparison.Ordinal) || k.EndsWith("bias", StringComparison.Ordinal)));
        Assert.Equal(statisticsMove, Moved(k => k.EndsWith("running_mean", StringComparison.Ordinal)));
        foreach (var tensor in pretrained.Values)
        {
            tensor.Dispose();
        }
    }
}
