using OlnmMl.Torch.Training;
using OlnmMl.Torch.Weights;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Pretraining;

/// <summary>
/// The resumable state of a pre-training after a finished epoch, one PyTorch state_dict file (written through a temporary file
/// and a rename, so a kill leaves the previous epoch's): <c>network.*</c> (encoder and heads), the optimiser's state
/// (<see cref="AdamCheckpoint"/>), and int64 scalars <c>meta.epoch</c> (the next epoch to run), <c>meta.seed</c> and
/// <c>meta.fingerprint</c> (<see cref="CheckpointFingerprint"/> of <see cref="PretrainingOptions.Fingerprint"/>: a checkpoint of
/// another network, task set, crop or seed is refused).
/// </summary>
internal static class PretrainingCheckpoint
{
    /// <summary>Writes the state after epoch <paramref name="nextEpoch"/> − 1.</summary>
    public static void Save(string path, PretrainingNetwork network, AdamOptimizer optimizer, int nextEpoch, PretrainingOptions options)
    {
        using var scope = NewDisposeScope();
        var entries = network.state_dict().Select(p => KeyValuePair.Create("network." + p.Key, p.Value)).ToList();
        entries.AddRange(AdamCheckpoint.Entries(optimizer));
        entries.Add(KeyValuePair.Create("meta.epoch", tensor((long)nextEpoch)));
        entries.Add(KeyValuePair.Create("meta.seed", tensor((long)options.Seed)));
        entries.Add(KeyValuePair.Create("meta.fingerprint", tensor(Fingerprint(options))));
        PyTorchStateDictWriter.Write(path, entries);
    }

    /// <summary>Restores <paramref name="network"/> and <paramref name="optimizer"/> from <paramref name="path"/>; returns the next epoch to run.</summary>
    public static int Load(string path, PretrainingNetwork network, AdamOptimizer optimizer, PretrainingOptions options)
    {
        var saved = PyTorchStateDict.Read(path);
        try
        {
            if (!saved.TryGetValue("meta.fingerprint", out var fingerprint) || fingerprint.item<long>() != Fingerprint(options))
            {
                throw new ArgumentException(
                    $"--resume: checkpoint '{path}' is of another pre-training (network, tasks, crop, seed, batch or learning rate differ); delete it or drop --resume.");
            }
            CheckpointLoader.Assign(
                network, saved.Where(p => p.Key.StartsWith("network.", StringComparison.Ordinal)).ToDictionary(), path,
                new StrictLoadOptions { StripPrefixes = ["network."] });
            AdamCheckpoint.Restore(optimizer, saved);
            return (int)saved["meta.epoch"].item<long>();
        }
        finally
        {
            foreach (var tensor in saved.Values)
            {
                tensor.Dispose();
            }
        }
    }

    private static long Fingerprint(PretrainingOptions options) => CheckpointFingerprint.Of(options.Fingerprint());
}
