using OlnmMl.Torch.Fusion;
using OlnmMl.Torch.Training;
using OlnmMl.Torch.Weights;
using TorchSharp;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Mil;

/// <summary>
/// The training loop of <see cref="MilTrainer"/>: Adam at a constant learning rate over shuffled mini-batches of
/// bags collated by <see cref="BagBatch"/>. Bag-level: loss = mean over bags of BCE(s_b, y_b). Instance-level: loss =
/// mean over the batch's real instances of BCE(head(hₙ), y of its bag). All randomness is the run's own (initial
/// weights from a <see cref="Generator"/> seeded with <see cref="MilTrainerOptions.Seed"/> (set by the trainer, from its context when null), shuffling from a
/// <see cref="Random"/> with the same seed; <see cref="MilTrainerOptions.EncoderWeightsPath"/> then replaces the
/// encoder's), so concurrent runs match sequential ones. A non-finite loss stops
/// training with <see cref="TrainingDivergedException"/>; scalars are kept alive (<see cref="ScalarValue"/>,
/// <see cref="AdamOptimizer"/>). With <see cref="MilTrainerOptions.RandomRotations"/> or <see cref="MilTrainerOptions.RandomFlips"/> every training batch is augmented by
/// <see cref="BagAugmentation"/> (draws from the same seeded <see cref="Random"/>). Cancellation is checked before every batch. With validation bags (bag-level training
/// only), every epoch's network is scored on them and the epoch of highest validation AUC is kept (checkpoint selection
/// on the internal-validation cohort, as the fusion trainer does); instance-level training keeps the last epoch.
/// </summary>
internal static class MilTrainingLoop
{
    public static (MilNetwork Network, IReadOnlyList<double> Losses) Train(
        IBagSamples train, IBagSamples? validation, MilTrainerOptions options, MilNetworkSpec spec, Device device, CancellationToken cancellationToken)
    {
        using var threads = IntraOpThreads.Use(options.Device.TrainingThreads);
        MilNetwork network;
        using (var generator = new Generator(unchecked((ulong)options.Seed!.Value)))
        {
            network = new MilNetwork(spec, generator);
        }
        try
        {
            if (options.EncoderWeightsPath is { } path)
            {
                CheckpointLoader.Load(network.Encoder, path, StrictLoadOptions.ForEncoder);
            }
            network.to(device);
            var losses = Run(network, train, options.Mode == MilTrainingMode.BagLevel ? validation : null, options, device, cancellationToken);
            network.eval();
            return (network, losses);
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    private static List<double> Run(
        MilNetwork network, IBagSamples train, IBagSamples? validation, MilTrainerOptions options, Device device, CancellationToken cancellationToken)
    {
        var validationLabels = validation is null ? [] : Enumerable.Range(0, validation.Count).Select(validation.Label).ToArray();
        ModuleSnapshot? best = null;
        var bestAuc = double.NegativeInfinity;
        try
        {
            var losses = Epochs(network, train, options, device, cancellationToken, epoch =>
            {
                if (validation is null)
                {
                    return;
                }

                var auc = RankAuc.Compute(MilScoring.Run(network, validation, options.BatchSize, device).BagLogits, validationLabels);
                if (auc > bestAuc)
                {
                    bestAuc = auc;
                    best?.Dispose();
                    best = new ModuleSnapshot(network);
                }
            });
            best?.RestoreInto(network);
            return losses;
        }
        finally
        {
            best?.Dispose();
        }
    }

    private static List<double> Epochs(
        MilNetwork network, IBagSamples train, MilTrainerOptions options, Device device, CancellationToken cancellationToken, Action<int> afterEpoch)
    {
        using var optimizer = new AdamOptimizer(network.parameters(), options.WeightDecay);
        var random = new Random(options.Seed!.Value);
        var order = Enumerable.Range(0, train.Count).ToArray();
        var batch = new BagBatch(train, options.BatchSize);
        var losses = new List<double>();
        int batchCount = (order.Length + options.BatchSize - 1) / options.BatchSize;
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            network.train();
            random.Shuffle(order);
            double total = 0;
            int batches = 0;
            for (int start = 0; start < order.Length; start += options.BatchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var indices = order.AsSpan(start, Math.Min(options.BatchSize, order.Length - start));
                batch.Collate(train, indices);
                FiniteBags.Check(batch, indices);
                if (batch.Mask.ToArray().Sum() < 2)
                {
                    continue; // batch norm needs two instances
                }
                using var scope = NewDisposeScope();
                var loss = Loss(network, batch, Labels(train, indices), options, device, random);
                float value = loss.item<float>();
                if (!float.IsFinite(value))
                {
                    throw new TrainingDivergedException($"the loss is {value}", epoch, batches, batchCount, options.LearningRate);
                }
                optimizer.ZeroGrad();
                loss.backward();
                optimizer.Step(options.LearningRate);
                total += value;
                batches++;
            }
            losses.Add(batches == 0 ? double.NaN : total / batches);
            options.Progress?.Report((epoch, losses[^1]));
            afterEpoch(epoch);
        }
        return losses;
    }

    private static Tensor Loss(MilNetwork network, BagBatch batch, float[] labels, MilTrainerOptions options, Device device, Random random)
    {
        var mode = options.Mode;
        var instances = tensor(batch.Instances.ToArray(), batch.InstanceShape, device: device);
        if (options.RandomRotations || options.RandomFlips)
        {
            instances = BagAugmentation.Apply(instances, random, options.RandomRotations, options.RandomFlips);
        }
        var mask = tensor(batch.Mask.ToArray(), batch.MaskShape, device: device);
        var bagLabels = tensor(labels, device: device);
        if (mode == MilTrainingMode.BagLevel)
        {
            return nn.functional.binary_cross_entropy_with_logits(network.forward(instances, mask), bagLabels);
        }
        // Each real instance carries its bag's label.
        var real = mask.flatten().to_type(ScalarType.Bool).nonzero().squeeze(1);
        var instanceLabels = bagLabels.unsqueeze(1).expand(batch.MaskShape).flatten().index_select(0, real);
        var logits = network.Logits(network.InstanceFeatures(instances.flatten(0, 1).index_select(0, real)));
        return nn.functional.binary_cross_entropy_with_logits(logits, instanceLabels);
    }

    private static float[] Labels(IBagSamples samples, ReadOnlySpan<int> indices)
    {
        var labels = new float[indices.Length];
        for (int i = 0; i < indices.Length; i++)
        {
            labels[i] = samples.Label(indices[i]) ? 1f : 0f;
        }
        return labels;
    }
}
