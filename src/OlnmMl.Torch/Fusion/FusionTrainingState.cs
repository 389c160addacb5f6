using System.Text.Json;
using OlnmMl.Torch.Training;
using OlnmMl.Torch.Weights;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Fusion;

/// <summary>
/// Everything a fusion training carries from one epoch to the next, so that a training saved after epoch e − 1 and resumed
/// goes on exactly as an uninterrupted one (<see cref="FusionTrainerOptions.TrainingStatePath"/>,
/// <see cref="FusionTrainerOptions.ResumeStatePath"/>). The file is a PyTorch state_dict written through a temporary file and a
/// rename: <c>online.*</c> (the trained network), <c>ema.*</c> (the EMA shadow as it is, not the selected one), <c>best.*</c>
/// (the EMA weights of the best validation epoch, when there is one), the optimiser (<see cref="AdamCheckpoint"/>), and int64
/// scalars <c>meta.epoch</c> (the next epoch), <c>meta.selected</c> (−1: none yet), <c>meta.stale</c> (epochs without a
/// better validation AUC), <c>meta.stopped</c> (1 once early stopping ended the training), <c>meta.validated</c>,
/// <c>meta.best-auc</c>, <c>meta.fingerprint</c> (<see cref="CheckpointFingerprint"/> of <see cref="Describe"/>) and
/// <c>history</c> ([epochs, 2]: mean loss and validation AUC per epoch). Doubles are stored as their IEEE bits (int64), so
/// nothing is rounded.
/// </summary>
internal sealed class FusionTrainingState : IDisposable
{
    /// <summary>True when validation data select the epoch (then <see cref="Aucs"/> has one AUC per epoch).</summary>
    public required bool Validated { get; init; }

    /// <summary>The next epoch to train (0-based; the number of epochs trained so far).</summary>
    public int NextEpoch { get; set; }

    /// <summary>Mean training loss of every epoch trained so far.</summary>
    public List<double> Losses { get; } = [];

    /// <summary>EMA validation AUC of every epoch trained so far (empty without validation data).</summary>
    public List<double> Aucs { get; } = [];

    /// <summary>The EMA weights of the best validation epoch, or null (none yet, or no validation data).</summary>
    public ModuleSnapshot? Best { get; set; }

    /// <summary>The best validation AUC so far (−∞ before the first).</summary>
    public double BestAuc { get; set; } = double.NegativeInfinity;

    /// <summary>The epoch whose EMA weights are kept so far, or null.</summary>
    public int? Selected { get; set; }

    /// <summary>Epochs since the last better validation AUC.</summary>
    public int Stale { get; set; }

    /// <summary>True once early stopping ended the training: a resumed training trains no further epoch.</summary>
    public bool Stopped { get; set; }

    /// <summary>
    /// What the state belongs to: the network and every option that changes what an epoch does (seed, schedule horizon,
    /// learning rate, batch, loss, EMA, augmentation, fine-tuning, patience) and whether validation data select the epoch.
    /// <see cref="FusionTrainerOptions.Epochs"/> is not part of it: a state is continued to any later epoch.
    /// </summary>
    public static string Describe(FusionTrainerOptions options, FusionNetworkSpec spec, bool validated) =>
        FormattableString.Invariant($"fusion-state-v1;{JsonSerializer.Serialize(spec)};seed={options.Seed};horizon={options.ScheduleHorizon};")
        + FormattableString.Invariant($"decay={options.CosineDecayStartEpoch};lr={options.LearningRate:R};batch={options.BatchSize};wd={options.WeightDecay:R};")
        + FormattableString.Invariant($"lambda={options.ContrastiveWeight:R};tau={options.Temperature:R};ema={options.EmaMomentum:R};")
        + FormattableString.Invariant($"rotate={options.RandomRotations};flip={options.RandomFlips};shift={options.MaxShift};jitter={options.IntensityJitter:R};")
        + FormattableString.Invariant($"encoder-lr={options.EncoderLearningRateScale:R};freeze={options.FreezeEncoderEpochs};patience={options.EarlyStoppingPatience};")
        + FormattableString.Invariant($"pretrained={options.EncoderWeightsPath is not null};validated={validated}");

    /// <summary>Writes the state of <paramref name="online"/>, <paramref name="shadow"/> and <paramref name="optimizer"/> after epoch <see cref="NextEpoch"/> − 1.</summary>
    public void Save(string path, FusionNetwork online, FusionNetwork shadow, AdamOptimizer optimizer, string description)
    {
        using var scope = NewDisposeScope();
        var entries = online.state_dict().Select(p => KeyValuePair.Create("online." + p.Key, p.Value))
            .Concat(shadow.state_dict().Select(p => KeyValuePair.Create("ema." + p.Key, p.Value)))
            .Concat(Best?.Entries("best.") ?? [])
            .Concat(AdamCheckpoint.Entries(optimizer))
            .ToList();
        var history = new long[Losses.Count * 2];
        for (int e = 0; e < Losses.Count; e++)
        {
            history[2 * e] = BitConverter.DoubleToInt64Bits(Losses[e]);
            history[(2 * e) + 1] = BitConverter.DoubleToInt64Bits(Validated ? Aucs[e] : double.NaN);
        }
        entries.Add(KeyValuePair.Create("meta.epoch", tensor((long)NextEpoch)));
        entries.Add(KeyValuePair.Create("meta.selected", tensor((long)(Selected ?? -1))));
        entries.Add(KeyValuePair.Create("meta.stale", tensor((long)Stale)));
        entries.Add(KeyValuePair.Create("meta.stopped", tensor(Stopped ? 1L : 0L)));
        entries.Add(KeyValuePair.Create("meta.validated", tensor(Validated ? 1L : 0L)));
        entries.Add(KeyValuePair.Create("meta.best-auc", tensor(BitConverter.DoubleToInt64Bits(BestAuc))));
        entries.Add(KeyValuePair.Create("meta.fingerprint", tensor(CheckpointFingerprint.Of(description))));
        entries.Add(KeyValuePair.Create("history", tensor(history, [Losses.Count, 2])));
        PyTorchStateDictWriter.Write(path, entries);
    }

    /// <summary>
    /// Reads the state at <paramref name="path"/> into <paramref name="online"/>, <paramref name="shadow"/> and
    /// <paramref name="optimizer"/> and returns the rest; refuses a state of another training (<see cref="Describe"/>).
    /// </summary>
    public static FusionTrainingState Load(string path, FusionNetwork online, FusionNetwork shadow, AdamOptimizer optimizer, string description)
    {
        var saved = PyTorchStateDict.Read(path);
        try
        {
            if (!saved.TryGetValue("meta.fingerprint", out var fingerprint) || fingerprint.item<long>() != CheckpointFingerprint.Of(description))
            {
                throw new ArgumentException(
                    $"The training state '{path}' is of another training (network, seed, schedule horizon, learning rate, batch, loss, EMA, augmentation, patience or validation differ); it cannot be continued.");
            }
            using (var weights = ModuleSnapshot.Read(saved, "online.", online, path))
            {
                weights.RestoreInto(online);
            }
            using (var weights = ModuleSnapshot.Read(saved, "ema.", shadow, path))
            {
                weights.RestoreInto(shadow);
            }
            AdamCheckpoint.Restore(optimizer, saved);
            var selected = (int)saved["meta.selected"].item<long>();
            var state = new FusionTrainingState
            {
                Validated = saved["meta.validated"].item<long>() != 0,
                NextEpoch = (int)saved["meta.epoch"].item<long>(),
                Selected = selected < 0 ? null : selected,
                Stale = (int)saved["meta.stale"].item<long>(),
                Stopped = saved["meta.stopped"].item<long>() != 0,
                BestAuc = BitConverter.Int64BitsToDouble(saved["meta.best-auc"].item<long>()),
                Best = saved.ContainsKey("best." + shadow.state_dict().Keys.First()) ? ModuleSnapshot.Read(saved, "best.", shadow, path) : null,
            };
            var history = saved["history"].data<long>().ToArray();
            for (int e = 0; e < history.Length / 2; e++)
            {
                state.Losses.Add(BitConverter.Int64BitsToDouble(history[2 * e]));
                if (state.Validated)
                {
                    state.Aucs.Add(BitConverter.Int64BitsToDouble(history[(2 * e) + 1]));
                }
            }
            return state;
        }
        finally
        {
            foreach (var tensor in saved.Values)
            {
                tensor.Dispose();
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => Best?.Dispose();
}
