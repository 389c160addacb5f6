using System.Globalization;
using Microsoft.ML;
using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.Spaces;
using OlnmMl.AutoML.Store;
using OlnmMl.Onnx.Graph;
using OlnmMl.Onnx.Networks;
using OlnmMl.Torch;
using OlnmMl.Torch.Mil;
using OlnmMl.Workflows.Study;

namespace OlnmMl.Workflows.Trials;

/// <summary>
/// The multi-instance (MIL) signature of the 2.5D deep learning + MIL + clinical study (2025): each patient a bag of
/// 2.5D slices (<see cref="StudyBags"/>), a 2D instance encoder, and patient-level pooling, trained by
/// <see cref="MilTrainer"/> on the training cohort only (the histogram aggregation too), bag-level training keeping the
/// epoch of highest internal-validation AUC, or of an inner split of the training cohort (checkpoint selection, as the fusion
/// trials do; <see cref="CheckpointSelection"/>). Parameters: <c>backbone</c> (a 2D
/// encoder, default resnet10-tiny-2d), <c>pooling</c> (mean, max, attention — the default —, gated-attention),
/// <c>mil-mode</c> (<c>bag</c>: end to end, the default; <c>instance</c>: instances labelled with their patient, then
/// aggregated by <c>aggregation</c> mean, max or histogram, the default), <c>epochs</c> (default: the data option
/// <c>epochs</c>, else 10; the successive-halving budget wins), <c>learning-rate</c> (default 1e-3), <c>batch-size</c>
/// (bags per step, default 4), <c>augment</c> (<c>rotate</c>, <c>flip</c> or <c>rotate+flip</c>: random in-plane quarter
/// turns and mirroring of every training bag, <see cref="BagAugmentation"/>; default <c>none</c>), <c>weight-decay</c> (Adam L2, default 0), <c>target</c>. Artefact: <c>mil.bin</c>.
/// Under ASHA a promoted MIL trial trains from scratch to its budget with its parent's seed and its own epochs as the
/// schedule (no continuation and no <see cref="AutoML.Runner.TrialContext.ScheduleHorizon"/> yet, unlike <see cref="FusionTrial"/>).
/// </summary>
public sealed class MilTrial(StudyData study, StudyBags bags, int threads = 0) : IStudyTrial
{
    /// <summary>File name of the saved model.</summary>
    public const string ModelFile = "mil.bin";

    /// <summary>Bags per forward pass when scoring.</summary>
    private const int ScoringBatch = 8;

    /// <inheritdoc />
    public string Name => "mil";

    /// <inheritdoc />
    public long EstimateMemoryBytes(ParameterSet parameters) =>
        (512L << 20) + (long)study.Cases.Count * bags.Options.MaxInstances * bags.Options.InstanceChannels * bags.Options.Size * bags.Options.Size * sizeof(float) / 4;

    /// <summary>The augmentations a MIL (or DLRad) trial may name in <c>augment</c>: the in-plane ones of <see cref="BagAugmentation"/>.</summary>
    public static IReadOnlyList<string> BagAugmentationNames { get; } = ["rotate", "flip"];

    /// <summary>The trainer options of a configuration.</summary>
    public static MilTrainerOptions Options(ParameterSet p, AutoML.Experiments.ExperimentData data, int? budget, int seed, int threads)
    {
        var instanceLevel = TrialParameters.Text(p, "mil-mode", "bag") switch
        {
            "bag" => false,
            "instance" => true,
            var other => throw new OlnmUserException($"trial parameter mil-mode: '{other}' is not bag or instance"),
        };
        var augment = FusionTrial.Augmentations(TrialParameters.Text(p, "augment", "none"));
        if (augment.FirstOrDefault(a => !BagAugmentationNames.Contains(a)) is { } planar)
        {
            throw new OlnmUserException($"trial parameter augment: '{planar}' is not an augmentation of 2.5D bags ({string.Join(", ", BagAugmentationNames)} or none)");
        }

        return new MilTrainerOptions
        {
            Architecture = TrialParameters.Text(p, "backbone", "resnet10-tiny-2d"),
            Pooling = MilPoolingNames.Parse(TrialParameters.Text(p, "pooling", instanceLevel ? "mean" : "attention")),
            Mode = instanceLevel ? MilTrainingMode.InstanceLevel : MilTrainingMode.BagLevel,
            Aggregation = Enum.Parse<MilAggregation>(TrialParameters.Text(p, "aggregation", "histogram"), ignoreCase: true),
            LearningRate = TrialParameters.Number(p, "learning-rate", 1e-3),
            BatchSize = (int)TrialParameters.Number(p, "batch-size", 4),
            RandomRotations = augment.Contains("rotate"),
            RandomFlips = augment.Contains("flip"),
            WeightDecay = TrialParameters.Number(p, "weight-decay", 0),
            Epochs = budget ?? (int)TrialParameters.Number(p, "epochs", double.Parse(data.Options.GetValueOrDefault("epochs", "10"), CultureInfo.InvariantCulture)),
            Seed = seed,
            Device = new TorchDeviceOptions { Threads = threads, ForceCpu = data.Options.GetValueOrDefault("device", "auto") == "cpu" },
        };
    }

    /// <inheritdoc />
    public Task<TrialOutcome> RunAsync(TrialContext context, CancellationToken cancellationToken) => Task.Run(() =>
    {
        TrialCohorts.RequireInternalValidation(context.Data, Name);
        var target = TrialTarget.Of(context.Parameters);
        using var model = Fit(study, bags, context, threads, cancellationToken);
        model.SaveModel(Path.Combine(context.ArtefactDirectory, ModelFile));
        var predictions = TrialCohorts.Of(study, context.Data).Select(cohort =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var cases = study.Cohort(cohort.Name);
            var scores = model.Model.Score(Samples(cases, target), ScoringBatch);
            return TrialCohorts.Predictions(cohort.Name, cohort.Role, cases, scores.Probabilities.Select(p => (double)p).ToArray(), target);
        }).ToArray();
        return new TrialOutcome(
            predictions,
            new Dictionary<string, string> { ["network"] = ModelFile },
            new Dictionary<string, string> { ["torchsharp"] = typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString() ?? "?" });
    }, cancellationToken);

    /// <summary>
    /// Trains the MIL network of a trial's configuration on the training cohort's bags, keeping the epoch of highest
    /// AUC on the checkpoint cases (bag-level training): the internal-validation cohort, or an inner split of the
    /// training cohort (<see cref="CheckpointSelection"/>).
    /// </summary>
    public static MilTransformer Fit(StudyData study, StudyBags bags, TrialContext context, int threads, CancellationToken cancellationToken)
    {
        var target = TrialTarget.Of(context.Parameters);
        var trainer = new MilTrainer(new MLContext(context.Seed), Options(context.Parameters, context.Data, context.Budget, context.Seed, threads));
        var (fit, checkpoint) = CheckpointSelection.Cohorts(study, context.Data, target, context.Seed);
        return trainer.Fit(
            new StudyBagSamples(fit, bags, target),
            cancellationToken: cancellationToken,
            validation: new StudyBagSamples(checkpoint, bags, target));
    }

    /// <summary><c>mil POOLING</c> for bag-level training, <c>mil instance-AGGREGATION</c> for instance-level.</summary>
    public string Describe(ParameterSet parameters) =>
        TrialParameters.Text(parameters, "mil-mode", "bag") == "instance"
            ? $"mil instance-{TrialParameters.Text(parameters, "aggregation", "histogram")}"
            : $"mil {TrialParameters.Text(parameters, "pooling", "attention")}";

    /// <summary>
    /// Exports the trial's model (<see cref="MilOnnx"/>): inputs <c>instances</c> [B, N, C, H, W] and <c>instance_mask</c>
    /// [B, N], output <c>probability</c> [B]; cases are scored through the study's slice bags.
    /// </summary>
    public OnnxCaseScorer Export(TrialRecord trial, string artefactRoot, string onnxPath, OnnxModelMetadata metadata)
    {
        using (var model = MilModel.Load(Path.Combine(artefactRoot, trial.Artefacts["network"])))
        {
            MilModelExporter.Export(MilOnnx.Definition(model, bags.Options.Fingerprint()), metadata, onnxPath);
        }

        return (cases, scorer) => MilOnnx.Score(Samples(cases, TrialTarget.Of(trial.Parameters)), scorer, ScoringBatch);
    }

    private StudyBagSamples Samples(IReadOnlyList<StudyCase> cases, string target) => new(cases, bags, target);
}
