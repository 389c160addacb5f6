using Microsoft.ML;
using OlnmMl.Torch.Fusion;

namespace OlnmMl.Torch.Tests;

/// <summary>
/// Saving a fusion training's state and continuing it (<see cref="FusionTrainerOptions.TrainingStatePath"/>,
/// <see cref="FusionTrainerOptions.ResumeStatePath"/>, ASHA promotions): a continuation is the same training as one run.
/// </summary>
public sealed class FusionContinuationTests : IDisposable
{
    private const int Horizon = 5;

    private readonly string _folder = Directory.CreateTempSubdirectory("fusion-continue-").FullName;

    private string StatePath(string name) => Path.Combine(_folder, name);

    private static FusionTrainerOptions Quick(int epochs) => new()
    {
        Architecture = "resnet10-tiny",
        ImageShape = [1, SyntheticCase.Edge, SyntheticCase.Edge, SyntheticCase.Edge],
        Mode = FusionMode.Concat,
        LearningRate = 3e-3,
        BatchSize = 4,
        Epochs = epochs,
        ScheduleEpochs = Horizon,
        CosineDecayStartEpoch = 1,
        RandomFlips = true,
        MaxShift = 1,
        IntensityJitter = 0.1,
        Seed = 7,
        Device = new TorchDeviceOptions { ForceCpu = true, Threads = 1 },
    };

    /// <summary>Records the epochs told to <see cref="FusionTrainerOptions.Progress"/>.</summary>
    private sealed class Epochs : IProgress<FusionEpochProgress>
    {
        public List<int> Told { get; } = [];

        public void Report(FusionEpochProgress value) => Told.Add(value.Epoch);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Training_part_of_the_epochs_saving_and_continuing_equals_training_all_of_them_from_scratch()
    {
        var ml = new MLContext(seed: 1);
        var train = SyntheticCohort.Create(ml, 8, 8, seed: 3);
        var validation = SyntheticCohort.Create(ml, 5, 5, seed: 4);
        using var scratch = ml.Torch().Fusion(Quick(Horizon)).Fit(train, validation);
        using (ml.Torch().Fusion(Quick(2) with { TrainingStatePath = StatePath("parent.state") }).Fit(train, validation))
        {
        }

        var told = new Epochs();
        using var continued = ml.Torch().Fusion(Quick(Horizon) with { ResumeStatePath = StatePath("parent.state"), Progress = told })
            .Fit(train, validation);

        Assert.Equal([2, 3, 4], told.Told);
        Assert.Equal(scratch.Report!.TrainingLoss, continued.Report!.TrainingLoss);
        Assert.Equal(scratch.Report.ValidationAuc, continued.Report.ValidationAuc);
        Assert.Equal(Horizon, continued.Report.ValidationAuc.Count);
        Assert.Equal(scratch.Report.SelectedEpoch, continued.Report.SelectedEpoch);
        var a = scratch.Model.Network.state_dict();
        var b = continued.Model.Network.state_dict();
        Assert.Equal(a.Keys, b.Keys);
        Assert.All(a.Keys, key => Assert.True(a[key].eq(b[key]).all().item<bool>(), key));
    }

    [Fact]
    public void A_shorter_training_under_the_same_horizon_is_the_beginning_of_the_longer_one()
    {
        var ml = new MLContext(seed: 1);
        var train = SyntheticCohort.Create(ml, 8, 8, seed: 3);
        var validation = SyntheticCohort.Create(ml, 5, 5, seed: 4);
        using var full = ml.Torch().Fusion(Quick(Horizon)).Fit(train, validation);
        using var prefix = ml.Torch().Fusion(Quick(2)).Fit(train, validation);
        using var ownHorizon = ml.Torch().Fusion(Quick(2) with { ScheduleEpochs = null, CosineDecayStartEpoch = 0 }).Fit(train, validation);

        Assert.Equal(full.Report!.TrainingLoss.Take(2), prefix.Report!.TrainingLoss);
        Assert.Equal(full.Report.ValidationAuc.Take(2), prefix.Report.ValidationAuc);
        Assert.NotEqual(prefix.Report.TrainingLoss[1], ownHorizon.Report!.TrainingLoss[1]);
    }

    [Fact]
    public void A_state_of_another_training_or_past_the_epochs_asked_for_is_refused_naming_the_file()
    {
        var ml = new MLContext(seed: 1);
        var train = SyntheticCohort.Create(ml, 6, 6, seed: 3);
        var path = StatePath("other.state");
        using (ml.Torch().Fusion(Quick(2) with { TrainingStatePath = path }).Fit(train))
        {
        }

        var other = Assert.Throws<ArgumentException>(
            () => ml.Torch().Fusion(Quick(3) with { LearningRate = 1e-3, ResumeStatePath = path }).Fit(train));
        Assert.Contains(path, other.Message);
        Assert.Contains("another training", other.Message);
        var past = Assert.Throws<ArgumentException>(() => ml.Torch().Fusion(Quick(1) with { ResumeStatePath = path }).Fit(train));
        Assert.Contains("trained 2 epochs, more than the 1", past.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => ml.Torch().Fusion(Quick(Horizon + 1)));
    }
}
