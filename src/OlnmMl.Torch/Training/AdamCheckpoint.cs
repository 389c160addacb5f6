using static TorchSharp.torch;

namespace OlnmMl.Torch.Training;

/// <summary>
/// The state of an <see cref="AdamOptimizer"/> as entries of a PyTorch state_dict file: <c>adam.mean.i</c> and
/// <c>adam.variance.i</c> (the moments, in parameter order) and the int64 scalar <c>meta.steps</c> (t of the bias corrections).
/// Shared by every resumable training (pre-training checkpoints, fusion training states).
/// </summary>
internal static class AdamCheckpoint
{
    /// <summary>The optimiser's entries (live moment tensors and a new step-count scalar).</summary>
    public static IEnumerable<KeyValuePair<string, Tensor>> Entries(AdamOptimizer optimizer)
    {
        var moments = optimizer.Moments;
        for (int i = 0; i < moments.Count; i++)
        {
            yield return KeyValuePair.Create($"adam.mean.{i}", moments[i].Mean);
            yield return KeyValuePair.Create($"adam.variance.{i}", moments[i].Variance);
        }
        yield return KeyValuePair.Create("meta.steps", tensor((long)optimizer.Steps));
    }

    /// <summary>Restores <paramref name="optimizer"/> from the entries of a read file; refuses a file of another parameter count.</summary>
    public static void Restore(AdamOptimizer optimizer, IReadOnlyDictionary<string, Tensor> saved)
    {
        var moments = Enumerable.Range(0, saved.Keys.Count(k => k.StartsWith("adam.mean.", StringComparison.Ordinal)))
            .Select(i => (saved[$"adam.mean.{i}"], saved[$"adam.variance.{i}"]))
            .ToArray();
        optimizer.Restore((int)saved["meta.steps"].item<long>(), moments);
    }
}
