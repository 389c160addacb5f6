using System.Diagnostics;
using OlnmMl.Torch.Fusion;
using OlnmMl.Torch.Training;
using OlnmMl.Torch.Weights;
using TorchSharp;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Pretraining;

/// <summary>
/// Self-supervised pre-training of a catalog encoder on unlabelled CT crops (<c>olnm pretrain</c>), with the proxy tasks of
/// Swin UNETR (Tang et al. 2022; <see cref="PretrainingNetwork"/>): Adam at a constant rate over shuffled mini-batches; after
/// every epoch a checkpoint (<see cref="PretrainingCheckpoint"/>); at the end the encoder alone is written as a PyTorch
/// state_dict under the encoder's own parameter names (<see cref="PyTorchStateDictWriter"/>), which the pretrained-weights
/// options of deep features, fusion and deep trials load strictly (<see cref="CheckpointLoader"/>). Randomness is the run's own:
/// weights from a <see cref="Generator"/> seeded with the seed; epoch e shuffles and corrupts from its own stream (<see cref="Training.EpochRandom"/>),
/// so a resumed run repeats exactly what the uninterrupted one would have done. A non-finite loss throws
/// <see cref="TrainingDivergedException"/>; cancellation is checked before every batch (the last checkpoint stays valid).
/// </summary>
public static class Pretrainer
{
    /// <summary>Pre-trains on <paramref name="volumes"/> (cropped through <see cref="PretrainingCrops"/>).</summary>
    public static PretrainingReport Run(IReadOnlyList<PretrainingVolume> volumes, PretrainingOptions options, CancellationToken cancellationToken = default) =>
        Run(PretrainingCrops.Load(volumes, options.Crop, options.CacheDirectory, cancellationToken: cancellationToken), options, cancellationToken);

    /// <summary>Pre-trains on ready crops (E³ floats each, <c>[D, H, W]</c> order, windowed to [0, 1]).</summary>
    public static PretrainingReport Run(IReadOnlyList<float[]> crops, PretrainingOptions options, CancellationToken cancellationToken = default)
    {
        Validate(crops, options);
        using var threads = IntraOpThreads.Use(options.Device.TrainingThreads);
        var device = options.Device.Resolve();
        using var network = Create(options);
        network.to(device);
        using var optimizer = new AdamOptimizer(network.parameters(), weightDecay: 0);
        int first = options.Resume && File.Exists(options.Checkpoint) ? PretrainingCheckpoint.Load(options.Checkpoint, network, optimizer, options) : 0;
        var losses = new List<IReadOnlyDictionary<string, double>>();
        var clock = new Stopwatch();
        long seen = 0;
        for (int epoch = first; epoch < options.Epochs; epoch++)
        {
            clock.Start();
            var (epochLosses, volumes) = Epoch(network, optimizer, crops, epoch, options, device, cancellationToken);
            clock.Stop();
            losses.Add(epochLosses);
            seen += volumes;
            PretrainingCheckpoint.Save(options.Checkpoint, network, optimizer, epoch + 1, options);
        }
        PyTorchStateDictWriter.Write(options.OutputPath, network.Encoder.state_dict());
        return new PretrainingReport(first, losses, seen == 0 ? 0 : seen / clock.Elapsed.TotalSeconds);
    }

    /// <summary>The network of <paramref name="options"/> with its seeded initial weights.</summary>
    internal static PretrainingNetwork Create(PretrainingOptions options)
    {
        using var generator = new Generator(unchecked((ulong)options.Seed));
        return new PretrainingNetwork(options, generator);
    }

    /// <summary>Crops <paramref name="indices"/> as a batch <c>[n, 1, E, E, E]</c> on <paramref name="device"/>.</summary>
    internal static Tensor Batch(IReadOnlyList<float[]> crops, ReadOnlySpan<int> indices, int edge, Device device)
    {
        int volume = edge * edge * edge;
        var data = new float[indices.Length * volume];
        for (int i = 0; i < indices.Length; i++)
        {
            crops[indices[i]].CopyTo(data, i * volume);
        }
        return tensor(data, [indices.Length, 1, edge, edge, edge], device: device);
    }

    /// <summary>One optimisation step on <paramref name="batch"/>; returns each task's loss.</summary>
    internal static Dictionary<string, float> Step(PretrainingNetwork network, AdamOptimizer optimizer, Tensor batch, Random random, double learningRate)
    {
        using var scope = NewDisposeScope();
        network.train();
        var losses = network.Losses(batch, random);
        var total = losses.Values.Aggregate((a, b) => a.add(b, ScalarValue.One));
        var values = losses.ToDictionary(p => p.Key, p => p.Value.item<float>());
        optimizer.ZeroGrad();
        total.backward();
        optimizer.Step(learningRate);
        return values;
    }

    private static (Dictionary<string, double> Losses, int Volumes) Epoch(
        PretrainingNetwork network, AdamOptimizer optimizer, IReadOnlyList<float[]> crops, int epoch, PretrainingOptions options, Device device, CancellationToken cancellationToken)
    {
        var random = Training.EpochRandom.For(options.Seed, epoch);
        var order = Enumerable.Range(0, crops.Count).ToArray();
        random.Shuffle(order);
        int batches = (order.Length + options.BatchSize - 1) / options.BatchSize;
        var sums = new Dictionary<string, double>();
        int done = 0;
        int volumes = 0;
        for (int start = 0; start < order.Length; start += options.BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int size = Math.Min(options.BatchSize, order.Length - start);
            if (size < 2)
            {
                break; // batch norm needs two samples
            }
            using var batch = Batch(crops, order.AsSpan(start, size), options.Crop.Edge, device);
            var losses = Step(network, optimizer, batch, random, options.LearningRate);
            if (losses.FirstOrDefault(p => !float.IsFinite(p.Value)) is { Key: not null } bad)
            {
                throw new TrainingDivergedException($"the {bad.Key} loss is {bad.Value}", epoch, done, batches, options.LearningRate);
            }
            foreach (var (name, value) in losses)
            {
                sums[name] = sums.GetValueOrDefault(name) + value;
            }
            done++;
            volumes += size;
            options.Progress?.Report(new PretrainingProgress(epoch, options.Epochs, done, batches, losses.Values.Sum()));
        }
        return (sums.ToDictionary(p => p.Key, p => p.Value / Math.Max(1, done)), volumes);
    }

    private static void Validate(IReadOnlyList<float[]> crops, PretrainingOptions options)
    {
        if (crops.Count < 2)
        {
            throw new ArgumentException($"--data: pre-training needs at least 2 volumes; found {crops.Count}.");
        }
        if (options.Tasks == PretrainingTasks.None)
        {
            throw new ArgumentException($"--tasks names no task (known: {PretrainingTaskNames.All}).");
        }
        if (options.Epochs < 1 || options.BatchSize < 2)
        {
            throw new ArgumentException($"--epochs must be at least 1 and --batch at least 2 (got {options.Epochs} and {options.BatchSize}).");
        }
        int length = options.Crop.Edge * options.Crop.Edge * options.Crop.Edge;
        if (crops.FirstOrDefault(c => c.Length != length) is { } wrong)
        {
            throw new ArgumentException($"A crop holds {wrong.Length} values; a {options.Crop.Edge}³ crop holds {length}.");
        }
    }
}
