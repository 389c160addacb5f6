using static TorchSharp.torch;

namespace OlnmMl.Torch.Mil;

/// <summary>
/// One evaluation-mode pass of a <see cref="MilNetwork"/> over every bag of an <see cref="IBagSamples"/>, in
/// mini-batches: the bag logit s_b, the pooled bag features z_b and the instance probabilities σ(head(hₙ)) of each
/// bag's real instances.
/// </summary>
internal static class MilScoring
{
    public static (float[] BagLogits, float[][] Features, float[][] InstanceProbabilities) Run(
        MilNetwork network, IBagSamples samples, int batchSize, Device device)
    {
        network.eval();
        using var noGrad = no_grad();
        var batch = new BagBatch(samples, batchSize);
        var logits = new float[samples.Count];
        var features = new float[samples.Count][];
        var instances = new float[samples.Count][];
        var indices = Enumerable.Range(0, samples.Count).ToArray();
        for (int start = 0; start < samples.Count; start += batchSize)
        {
            int size = Math.Min(batchSize, samples.Count - start);
            using var scope = NewDisposeScope();
            batch.Collate(samples, indices.AsSpan(start, size));
            FiniteBags.Check(batch, indices.AsSpan(start, size));
            var mask = tensor(batch.Mask.ToArray(), batch.MaskShape, device: device);
            var padded = network.PaddedInstanceFeatures(tensor(batch.Instances.ToArray(), batch.InstanceShape, device: device), mask);
            var bag = network.Pooling.forward(padded, mask);
            var bagLogits = network.Logits(bag).cpu().data<float>().ToArray();
            var bagFeatures = bag.cpu().data<float>().ToArray();
            var instanceProbabilities = network.Logits(padded.flatten(0, 1)).sigmoid().cpu().data<float>().ToArray();
            int slots = batch.InstancesPerBag, width = network.FeatureWidth;
            for (int b = 0; b < size; b++)
            {
                int index = start + b;
                logits[index] = bagLogits[b];
                features[index] = bagFeatures.AsSpan(b * width, width).ToArray();
                instances[index] = instanceProbabilities.AsSpan(b * slots, samples.InstanceCount(index)).ToArray();
            }
        }
        return (logits, features, instances);
    }
}
