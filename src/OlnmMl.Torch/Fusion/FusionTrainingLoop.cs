using OlnmMl.Torch.Training;
using OlnmMl.Torch.Weights;
using TorchSharp;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Fusion;

/// <summary>
/// The training loop of the published fusion study: Adam, mini-batches of shuffled training
/// cases (random 90° rotations; optionally flips, shifts and intensity jitter; the encoders optionally at a lower learning
/// rate and frozen for the first epochs), loss = CE + λ·SupCon, EMA update after every step; after every
/// epoch the EMA model is scored on the internal-validation rows and the best one is kept
/// (early stopping after <see cref="FusionTrainerOptions.EarlyStoppingPatience"/> stale epochs).
/// External cohorts are never seen here.
/// All randomness is the run's own, so concurrent runs give the same result as sequential ones:
/// initial weights come from a <see cref="Generator"/> seeded with <see cref="FusionTrainerOptions.Seed"/> (set by the trainer, from its context when null),
/// epoch e's shuffling and augmentation from its own stream (<see cref="EpochRandom"/>) of the same seed; the networks have no dropout.
/// The learning rate follows the schedule of <see cref="FusionTrainerOptions.ScheduleHorizon"/> epochs. At the end the training state
/// can be saved and a later training resumed from it (<see cref="FusionTrainingState"/>): nothing of an epoch depends on where the
/// training started, so a resumed training equals an uninterrupted one;
/// the training thread runs libtorch with <see cref="TorchDeviceOptions.TrainingThreads"/> intra-op threads.
/// A non-finite loss or validation score stops training with <see cref="TrainingDivergedException"/> naming the
/// epoch and batch, so no NaN weights or scores are ever kept. Every scalar operand on this path is an explicit,
/// kept-alive <see cref="ScalarValue"/>, and the optimiser is <see cref="AdamOptimizer"/>: TorchSharp's implicit
/// scalar temporaries can be finalised by a garbage collection in the middle of a native call.
/// Cancellation is checked before every batch and every validation pass; it throws
/// <see cref="OperationCanceledException"/> after disposing every tensor and module of the run.
/// </summary>
internal static class FusionTrainingLoop
{
    public static (FusionNetwork Model, FusionTrainingReport Report) Train(
        FusionDataset train, FusionDataset? validation, FusionTrainerOptions options, FusionNetworkSpec spec, Device device, CancellationToken cancellationToken)
    {
        using var threads = IntraOpThreads.Use(options.Device.TrainingThreads);
        FusionNetwork online;
        using (var generator = new Generator(unchecked((ulong)options.Seed!.Value)))
        {
            online = new FusionNetwork(spec, generator);
        }
        FusionNetwork? shadow = null;
        try
        {
            shadow = new FusionNetwork(spec);
            var weights = options.EncoderWeightsPath is { } path
                ? online.Encoders.Select(encoder => CheckpointLoader.Load(encoder, path, StrictLoadOptions.ForEncoder)).ToList()
                : [];
            online.to(device);
            shadow.to(device);
            EmaModel.CopyInto(shadow, online);
            var report = Run(online, shadow, train, validation, options, device, cancellationToken) with { EncoderWeights = weights };
            return (shadow, report);
        }
        catch
        {
            shadow?.Dispose();
            throw;
        }
        finally
        {
            online.Dispose();
        }
    }

    private static FusionTrainingReport Run(
        FusionNetwork online, FusionNetwork shadow, FusionDataset train, FusionDataset? validation,
        FusionTrainerOptions options, Device device, CancellationToken cancellationToken)
    {
        using var optimizer = new AdamOptimizer(
            online.named_parameters().Select(p => ((Tensor)p.parameter, IsEncoder(p.name) ? options.EncoderLearningRateScale : 1.0)), options.WeightDecay);
        var description = FusionTrainingState.Describe(options, online.Spec, validation is not null);
        using var state = options.ResumeStatePath is { } resume
            ? FusionTrainingState.Load(resume, online, shadow, optimizer, description)
            : new FusionTrainingState { Validated = validation is not null };
        if (state.NextEpoch > options.Epochs)
        {
            throw new ArgumentException(
                $"The training state '{options.ResumeStatePath}' has trained {state.NextEpoch} epochs, more than the {options.Epochs} asked for.");
        }
        for (int epoch = state.NextEpoch; epoch < options.Epochs && !state.Stopped; epoch++)
        {
            double rate = CosineSchedule.Rate(options.LearningRate, epoch, options.ScheduleHorizon, options.CosineDecayStartEpoch);
            var random = EpochRandom.For(options.Seed!.Value, epoch);
            var order = Enumerable.Range(0, train.Count).ToArray();
            random.Shuffle(order);
            double loss = Epoch(online, shadow, optimizer, rate, epoch, train, order, options, device, random, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            double auc = validation is null ? double.NaN : Validate(shadow, validation, options, device, epoch);
            state.Losses.Add(loss);
            state.NextEpoch = epoch + 1;
            if (validation is null)
            {
                state.Selected = epoch;
            }
            else
            {
                state.Aucs.Add(auc);
                Select(state, shadow, auc, epoch, options.EarlyStoppingPatience);
            }
            options.Progress?.Report(new FusionEpochProgress(epoch, loss, auc));
        }
        if (options.TrainingStatePath is { } path)
        {
            state.Save(path, online, shadow, optimizer, description);
        }
        state.Best?.RestoreInto(shadow);
        shadow.eval();
        return new FusionTrainingReport([.. state.Losses], [.. state.Aucs], state.Selected ?? options.Epochs - 1);
    }

    /// <summary>The EMA model's validation AUC after <paramref name="epoch"/>; a non-finite score stops the training.</summary>
    private static double Validate(FusionNetwork shadow, FusionDataset validation, FusionTrainerOptions options, Device device, int epoch)
    {
        var scores = FusionScoring.Scores(shadow, validation, options, device);
        if (!scores.All(float.IsFinite))
        {
            throw new TrainingDivergedException(
                $"{scores.Count(s => !float.IsFinite(s))} of {scores.Length} validation scores are not finite", epoch, null, null, options.LearningRate);
        }
        return RankAuc.Compute(scores, validation.Labels);
    }

    /// <summary>Keeps the EMA weights of a better validation AUC; otherwise counts a stale epoch and stops after <paramref name="patience"/> of them (0: never).</summary>
    private static void Select(FusionTrainingState state, FusionNetwork shadow, double auc, int epoch, int patience)
    {
        if (auc > state.BestAuc)
        {
            state.BestAuc = auc;
            state.Selected = epoch;
            state.Stale = 0;
            state.Best?.Dispose();
            state.Best = new ModuleSnapshot(shadow);
        }
        else if (patience > 0 && ++state.Stale >= patience)
        {
            state.Stopped = true;
        }
    }

    /// <summary>True for a parameter of one of the encoders (the <c>encoders</c> module dictionary of <see cref="FusionNetwork"/>).</summary>
    private static bool IsEncoder(string name) => name.StartsWith("encoders.", StringComparison.Ordinal);

    /// <summary>Freezes (or unfreezes) the encoders: no gradients and batch norm in inference mode while frozen.</summary>
    private static void FreezeEncoders(FusionNetwork online, bool frozen)
    {
        foreach (var encoder in online.Encoders)
        {
            foreach (var parameter in encoder.parameters())
            {
                parameter.requires_grad = !frozen;
            }
            if (frozen)
            {
                encoder.eval();
            }
        }
    }

    /// <summary>The training augmentations of <paramref name="options"/> applied to a batch of crops, in a fixed order: rotations, flips, shifts, jitter.</summary>
    private static Tensor Augment(Tensor images, FusionTrainerOptions options, Random random)
    {
        if (options.RandomRotations)
        {
            images = RandomRotations.Apply(images, random);
        }
        if (options.RandomFlips)
        {
            images = RandomFlips.Apply(images, random);
        }
        if (options.MaxShift > 0)
        {
            images = RandomShifts.Apply(images, random, options.MaxShift);
        }
        if (options.IntensityJitter > 0)
        {
            images = IntensityJitter.Apply(images, random, options.IntensityJitter);
        }
        return images;
    }

    private static double Epoch(
        FusionNetwork online, FusionNetwork shadow, AdamOptimizer optimizer, double rate, int epoch, FusionDataset train, int[] order,
        FusionTrainerOptions options, Device device, Random random, CancellationToken cancellationToken)
    {
        online.train();
        FreezeEncoders(online, epoch < options.FreezeEncoderEpochs);
        using var contrastiveWeight = ScalarValue.Of(options.ContrastiveWeight);
        int batchCount = (order.Length + options.BatchSize - 1) / options.BatchSize;
        double total = 0;
        int batches = 0;
        for (int start = 0; start < order.Length; start += options.BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int size = Math.Min(options.BatchSize, order.Length - start);
            if (size < 2)
            {
                break; // batch norm needs two samples
            }
            using var scope = NewDisposeScope();
            var (images, radiomics, labels, centres) = train.Batch(order.AsSpan(start, size), online.Spec.ImageShape, device);
            if (options.Mode.UsesImage())
            {
                images = Augment(images, options, random);
            }
            var (logits, embedding) = online.ForwardWithEmbedding(images, radiomics);
            var loss = nn.functional.cross_entropy(logits, labels);
            if (options.ContrastiveWeight > 0)
            {
                loss = loss.add(SupervisedContrastiveLoss.Compute(embedding, labels, centres, options.Temperature), contrastiveWeight.Value);
            }
            float value = loss.item<float>();
            if (!float.IsFinite(value))
            {
                throw new TrainingDivergedException($"the loss is {value}", epoch, batches, batchCount, options.LearningRate);
            }
            optimizer.ZeroGrad();
            loss.backward();
            optimizer.Step(rate);
            EmaModel.Update(shadow, online, options.EmaMomentum);
            total += value;
            batches++;
        }
        return batches == 0 ? double.NaN : total / batches;
    }
}
