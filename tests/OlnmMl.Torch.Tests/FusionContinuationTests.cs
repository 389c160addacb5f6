using Microsoft.ML;
using OlnmMl.Torch.Fusion;

namespace OlnmMl.Torch.Tests;

/// <summary>Continuing a training from a saved model (<see cref="FusionTrainerOptions.InitialModelPath"/>, ASHA promotions).</summary>
public sealed class FusionContinuationTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"fusion-continue-{Guid.NewGuid():N}.olnm");

    private static FusionTrainerOptions Quick(FusionMode mode, int epochs) => new()
    {
        Architecture = "resnet10-tiny",
        ImageShape = [1, SyntheticCase.Edge, SyntheticCase.Edge, SyntheticCase.Edge],
        Mode = mode,
        LearningRate = 3e-3,
        Epochs = epochs,
        CosineDecayStartEpoch = 0,
        EarlyStoppingPatience = 0,
        Seed = 7,
        Device = new TorchDeviceOptions { ForceCpu = true },
    };

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void A_continuation_starts_from_the_saved_weights_not_from_the_seeds_initialisation()
    {
        var ml = new MLContext(seed: 1);
        var train = SyntheticCohort.Create(ml, 6, 6, seed: 3);
        using (var parent = ml.Torch().Fusion(Quick(FusionMode.DeepOnly, epochs: 1)).Fit(train))
        {
            parent.SaveModel(_path);
        }

        using var saved = FusionTransformer.Load(ml, _path);
        // No epoch left to run: the result is exactly the parent's network.
        using var continued = ml.Torch().Fusion(Quick(FusionMode.DeepOnly, epochs: 1) with { InitialModelPath = _path, FirstEpoch = 1 }).Fit(train);
        using var fresh = ml.Torch().Fusion(Quick(FusionMode.DeepOnly, epochs: 1) with { FirstEpoch = 1 }).Fit(train);
        var a = saved.Model.Network.state_dict();
        var b = continued.Model.Network.state_dict();
        var c = fresh.Model.Network.state_dict();
        Assert.All(a.Keys, key => Assert.True(a[key].eq(b[key]).all().item<bool>(), key));
        Assert.Contains(a.Keys, key => !a[key].eq(c[key]).all().item<bool>());
    }

    [Fact]
    public void A_model_of_another_network_or_a_first_epoch_past_the_last_is_refused()
    {
        var ml = new MLContext(seed: 1);
        var train = SyntheticCohort.Create(ml, 6, 6, seed: 3);
        using (var parent = ml.Torch().Fusion(Quick(FusionMode.DeepOnly, epochs: 1)).Fit(train))
        {
            parent.SaveModel(_path);
        }

        var other = Assert.Throws<ArgumentException>(
            () => ml.Torch().Fusion(Quick(FusionMode.Concat, epochs: 2) with { InitialModelPath = _path, FirstEpoch = 1 }).Fit(train));
        Assert.Contains(_path, other.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => ml.Torch().Fusion(Quick(FusionMode.DeepOnly, epochs: 1) with { FirstEpoch = 2 }));
    }
}
