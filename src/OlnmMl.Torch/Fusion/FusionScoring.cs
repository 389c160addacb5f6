using static TorchSharp.torch;

namespace OlnmMl.Torch.Fusion;

/// <summary>Scores s = logit₁ − logit₀ of a fusion network on a data set, in evaluation mode and batches.</summary>
internal static class FusionScoring
{
    public static float[] Scores(FusionNetwork network, FusionDataset data, FusionTrainerOptions options, Device device)
    {
        network.eval();
        using var noGrad = no_grad();
        var scores = new float[data.Count];
        var indices = Enumerable.Range(0, data.Count).ToArray();
        for (int start = 0; start < data.Count; start += options.BatchSize)
        {
            int size = Math.Min(options.BatchSize, data.Count - start);
            using var scope = NewDisposeScope();
            var (images, radiomics, _, _) = data.Batch(indices.AsSpan(start, size), network.Spec.ImageShape, device);
            var logits = network.forward(images, radiomics);
            var margin = (logits.select(1, 1) - logits.select(1, 0)).cpu();
            margin.data<float>().CopyTo(scores.AsSpan(start, size));
        }
        return scores;
    }
}
