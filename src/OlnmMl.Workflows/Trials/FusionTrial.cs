using System.Globalization;
using Microsoft.ML.Data;
using Microsoft.ML;
using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.Spaces;
using OlnmMl.AutoML.Store;
using OlnmMl.Onnx.Graph;
using OlnmMl.Onnx.Networks;
using OlnmMl.Torch;
using OlnmMl.Torch.Fusion;
using OlnmMl.Workflows.Study;

namespace OlnmMl.Workflows.Trials;

/// <summary>
/// Deep-only and radiomics–deep fusion trials on the study's crops. The radiomics branch is the same
/// ML.NET prefix as the radiomics model (z-score → CART top-k), fitted on the cases the network trains on; the
/// network is trained by <see cref="FusionTrainer"/> with checkpoint selection on the validation
/// cohort, or on an inner split of the training cohort (<see cref="CheckpointSelection"/>). Parameters: <c>backbone</c> (architecture, default resnet10-tiny), <c>fusion</c>
/// (mode; the <c>deep</c> kind is always deep-only), <c>top-k</c> (default 10), <c>epochs</c>
/// (default: the data option <c>epochs</c>, else 10; the successive-halving budget wins), <c>learning-rate</c> (default 1e-3), <c>batch-size</c>
/// (default 12), <c>pretrained</c>, <c>target</c> (<see cref="TrialTarget"/>), <c>inputs</c> (the recipe channels the network reads,
/// joined by <c>+</c>, e.g. <c>ct</c>, <c>pet</c>, <c>ct+pet</c>; default all) and <c>encoders</c> (<c>shared</c>: one encoder named
/// <c>image</c> over all inputs stacked as channels, the default; <c>separate</c>: one encoder per input, named by its key, features
/// concatenated — the PET/CT signature's two backbones); fine-tuning: <c>encoder-lr-scale</c> (factor on the encoders' learning rate, default 1),
/// <c>freeze-encoder-epochs</c> (default 0) and <c>augment</c> (<see cref="Augmentations"/>, default <c>rotate</c>); the data option <c>device</c> is <c>cpu</c> or <c>auto</c> (CUDA when TorchSharp reports it), and <c>pretrained</c> ("true" loads the data option <c>weights-BACKBONE</c>). Artefacts: <c>radiomics-preprocessing.json</c> (the fitted prefix) and <c>fusion.bin</c> (the network).
/// The learning-rate schedule is that of <see cref="TrialContext.ScheduleHorizon"/> epochs (ASHA's max-epochs; else the trial's own
/// epochs), cosine decay from epoch min(5, horizon − 1), and training stops at the trial's epochs: each rung's training is the
/// beginning of the max-budget one. A trial below the horizon (one ASHA may promote) saves its training state
/// (<c>training-state.bin</c>, <see cref="StateFile"/>, about five times the network), unless promotions restart;
/// a promoted successive-halving trial — which has its parent's seed — continues its parent's state exactly, training only the
/// epochs from the parent's budget on, so its result equals training from scratch to its budget. The data option
/// <c>asha-continue: "false"</c> (<see cref="ContinueOption"/>) makes it train from scratch (same result, all epochs paid again),
/// for comparing the two.
/// Each epoch the trial trains reports its AUC on the checkpoint cases at step = epoch (a continuation: only its own epochs), and the
/// trial stops when the study's pruner says so (<see cref="FusionEpochReporter"/>).
/// </summary>
public sealed class FusionTrial(string name, StudyData study, StudyImages images, int threads = 0) : IStudyTrial
{
    /// <summary>File name of the saved radiomics prefix parameters (normaliser + selector).</summary>
    public const string RadiomicsFile = "radiomics-preprocessing.json";

    /// <summary>The data option that, set to <c>false</c>, makes a promoted trial train from scratch (default <c>true</c>: continue the parent).</summary>
    public const string ContinueOption = "asha-continue";

    /// <summary>File name of the saved network.</summary>
    public const string NetworkFile = "fusion.bin";

    /// <summary>File name of the saved training state (<see cref="FusionTrainerOptions.TrainingStatePath"/>), which a promoted trial continues.</summary>
    public const string StateFile = "training-state.bin";

    /// <summary>The deep-only trial kind.</summary>
    public static FusionTrial DeepOnly(StudyData study, StudyImages images, int threads = 0) => new("deep", study, images, threads);

    /// <summary>The fusion trial kind (mode from the <c>fusion</c> parameter).</summary>
    public static FusionTrial Fused(StudyData study, StudyImages images, int threads = 0) => new("fusion", study, images, threads);

    /// <inheritdoc />
    public string Name { get; } = name;

    /// <inheritdoc />
    public long EstimateMemoryBytes(ParameterSet parameters) =>
        (512L << 20) + 64L * study.Cases.Count * images.Options.Length * sizeof(float) / 16;

    /// <summary>Cases per forward pass when scoring cohorts.</summary>
    private const int ScoringBatch = 16;

    /// <summary>The encoders of a trial: <c>shared</c> → one <c>image</c> encoder over the inputs; <c>separate</c> → one per input.</summary>
    public static IReadOnlyList<(string Name, IReadOnlyList<string> Channels)> Encoders(ParameterSet parameters, IReadOnlyList<string> recipeChannels)
    {
        var inputs = TrialParameters.Text(parameters, "inputs", string.Join('+', recipeChannels)).Split('+', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (inputs.FirstOrDefault(i => !recipeChannels.Contains(i)) is { } unknown)
        {
            throw new OlnmUserException(
                $"trial parameter inputs: '{unknown}' is not a channel of the image recipe (channels: {string.Join(", ", recipeChannels)}; set data.options.channels)");
        }

        return TrialParameters.Text(parameters, "encoders", "shared") switch
        {
            "shared" => [("image", inputs)],
            "separate" => inputs.Select(i => (i, (IReadOnlyList<string>)[i])).ToArray(),
            var other => throw new OlnmUserException($"trial parameter encoders: '{other}' is not shared or separate"),
        };
    }

    /// <inheritdoc />
    public Task<TrialOutcome> RunAsync(TrialContext context, CancellationToken cancellationToken) => Task.Run(() =>
    {
        TrialCohorts.RequireInternalValidation(context.Data, Name);
        var ml = new MLContext(context.Seed);
        var p = context.Parameters;
        var target = TrialTarget.Of(p);
        var mode = Name == "deep" ? FusionMode.DeepOnly : FusionModeNames.Parse(TrialParameters.Text(p, "fusion", "concat"));
        var topK = Math.Min((int)TrialParameters.Number(p, "top-k", 10), study.RadiomicsNames.Count);
        var recipe = images.Options;
        IDataView View(IReadOnlyList<StudyCase> cases) => StudyViews.Create(ml, cases, study.RadiomicsNames, target);
        var (fit, checkpoint) = CheckpointSelection.Cohorts(study, context.Data, target, context.Seed);
        var (prefix, preprocessing) = RadiomicsPrefix.Fit(ml, View(fit), topK);
        RadiomicsPrefix.Save(preprocessing, Path.Combine(context.ArtefactDirectory, RadiomicsFile));
        StudySamples Samples(IReadOnlyList<StudyCase> cases) => new(
            cases,
            mode.UsesImage() ? images : null,
            mode.UsesRadiomics() ? prefix.Transform(View(cases)).GetColumn<float[]>("Radiomics").ToArray() : null,
            target);
        var epochs = context.Budget ?? (int)TrialParameters.Number(p, "epochs", double.Parse(context.Data.Options.GetValueOrDefault("epochs", "10"), CultureInfo.InvariantCulture));
        var architecture = TrialParameters.Text(p, "backbone", "resnet10-tiny");
        var augment = Augmentations(TrialParameters.Text(p, "augment", "rotate"));
        var horizon = context.ScheduleHorizon ?? epochs;
        var continues = context.Data.Options.GetValueOrDefault(ContinueOption, "true") == "true";
        var parentState = continues
            && context.PromotedFromArtefactDirectory is { } parentFolder && File.Exists(Path.Combine(parentFolder, StateFile))
            ? Path.Combine(parentFolder, StateFile)
            : null;
        var keepsState = continues && epochs < horizon; // only a trial below the top rung can be promoted and continued
        var trainer = ml.Torch().Fusion(new FusionTrainerOptions
        {
            Architecture = architecture,
            EncoderWeightsPath = PretrainedWeights(p, context.Data, architecture),
            ImageShape = recipe.Shape,
            ChannelKeys = recipe.ChannelKeys,
            Encoders = Encoders(p, recipe.ChannelKeys),
            ImageRecipe = recipe.Describe(),
            Mode = mode,
            LearningRate = TrialParameters.Number(p, "learning-rate", 1e-3),
            BatchSize = (int)TrialParameters.Number(p, "batch-size", 12),
            Epochs = epochs,
            ScheduleEpochs = horizon,
            EncoderLearningRateScale = TrialParameters.Number(p, "encoder-lr-scale", 1),
            FreezeEncoderEpochs = (int)TrialParameters.Number(p, "freeze-encoder-epochs", 0),
            RandomRotations = augment.Contains("rotate"),
            RandomFlips = augment.Contains("flip"),
            MaxShift = augment.Contains("shift") ? AugmentShiftVoxels : 0,
            IntensityJitter = augment.Contains("jitter") ? AugmentJitter : 0,
            CosineDecayStartEpoch = Math.Min(5, Math.Max(0, horizon - 1)),
            Seed = context.Seed,
            Progress = new FusionEpochReporter(context),
            TrainingStatePath = keepsState ? Path.Combine(context.ArtefactDirectory, StateFile) : null,
            ResumeStatePath = parentState,
            Device = new TorchDeviceOptions { Threads = threads, ForceCpu = context.Data.Options.GetValueOrDefault("device", "auto") == "cpu" },
        });
        using var network = trainer.Fit(Samples(fit), Samples(checkpoint), cancellationToken);
        network.SaveModel(Path.Combine(context.ArtefactDirectory, NetworkFile));
        var predictions = TrialCohorts.Of(study, context.Data).Select(cohort =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var probabilities = Score(network.Model, Samples(cohort.Cases), cancellationToken);
            return TrialCohorts.Predictions(cohort.Name, cohort.Role, cohort.Cases, probabilities, target);
        }).ToArray();
        return new TrialOutcome(
            predictions,
            keepsState
                ? new Dictionary<string, string> { ["radiomics"] = RadiomicsFile, ["network"] = NetworkFile, ["training-state"] = StateFile }
                : new Dictionary<string, string> { ["radiomics"] = RadiomicsFile, ["network"] = NetworkFile },
            new Dictionary<string, string> { ["torchsharp"] = typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString() ?? "?" });
    }, cancellationToken);

    /// <summary>σ(s) of every sample, scored in batches of <see cref="ScoringBatch"/> straight from the crops.</summary>
    private static double[] Score(FusionModel model, StudySamples samples, CancellationToken cancellationToken)
    {
        var (imageLength, k) = (samples.ImageLength, samples.RadiomicsWidth);
        var probabilities = new double[samples.Count];
        var imageBatch = new float[ScoringBatch * imageLength];
        var radiomicsBatch = new float[ScoringBatch * k];
        var scores = new float[ScoringBatch];
        for (var start = 0; start < samples.Count; start += ScoringBatch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(ScoringBatch, samples.Count - start);
            for (var i = 0; i < count; i++)
            {
                if (imageLength > 0)
                {
                    samples.CopyImage(start + i, imageBatch.AsSpan(i * imageLength, imageLength));
                }

                samples.Radiomics(start + i).CopyTo(radiomicsBatch.AsSpan(i * k, k));
            }

            model.Score(imageBatch.AsSpan(0, count * imageLength), radiomicsBatch.AsSpan(0, count * k), count, scores);
            for (var i = 0; i < count; i++)
            {
                probabilities[start + i] = 1 / (1 + Math.Exp(-scores[i]));
            }
        }

        return probabilities;
    }

    /// <summary>
    /// The kind, the fusion mode (fusion trials), and — when the recipe has several channels — the inputs read and
    /// <c>separate</c> for one encoder per input: e.g. <c>fusion concat*</c>, <c>deep pet</c>, <c>deep ct+pet separate</c>.
    /// </summary>
    public string Describe(ParameterSet parameters)
    {
        var label = Name == "deep" ? Name : $"{Name} {TrialParameters.Text(parameters, "fusion", "concat")}";
        var recipeChannels = images.Options.ChannelKeys;
        if (recipeChannels.Count == 1)
        {
            return label;
        }

        var encoders = Encoders(parameters, recipeChannels);
        var inputs = string.Join('+', encoders.SelectMany(e => e.Channels));
        return encoders.Count > 1 ? $"{label} {inputs} separate" : $"{label} {inputs}";
    }

    /// <summary>
    /// Exports the trial's network with its fitted radiomics normalisation and selection inside (<see cref="FusionOnnx"/>):
    /// one image input per encoder, <c>radiomics</c> when the mode reads them, output <c>probability</c>.
    /// </summary>
    public OnnxCaseScorer Export(TrialRecord trial, string artefactRoot, string onnxPath, OnnxModelMetadata metadata)
    {
        using var model = FusionModel.Load(Path.Combine(artefactRoot, trial.Artefacts["network"]));
        var spec = model.Info.Network;
        var radiomics = spec.ParsedMode.UsesRadiomics() ? RadiomicsPrefix.Load(Path.Combine(artefactRoot, trial.Artefacts["radiomics"])) : null;
        var recipe = model.Info.ImageRecipe.Length > 0 ? model.Info.ImageRecipe : images.Options.Describe();
        FusedModelExporter.Export(FusionOnnx.Definition(model.Network, recipe, study.RadiomicsNames, radiomics), metadata, onnxPath);
        return (cases, scorer) => cases.Chunk(ScoringBatch)
            .SelectMany(chunk => scorer.Predict(FusionOnnx.Inputs(
                spec, spec.ImageLength == 0 ? [] : images.Batch(chunk), chunk.SelectMany(c => c.Radiomics).ToArray(), chunk.Length)))
            .ToArray();
    }

    /// <summary>The training augmentations a trial may name in <c>augment</c>, joined by <c>+</c>.</summary>
    public static IReadOnlyList<string> AugmentationNames { get; } = ["rotate", "flip", "shift", "jitter"];

    /// <summary>Largest translation of the <c>shift</c> augmentation, in voxels per axis.</summary>
    private const int AugmentShiftVoxels = 2;

    /// <summary>Strength s of the <c>jitter</c> augmentation: (1 + a)·x + b, a, b in [−s, s].</summary>
    private const double AugmentJitter = 0.1;

    /// <summary>
    /// The augmentations of an <c>augment</c> value such as <c>rotate+flip+shift+jitter</c>: <c>rotate</c> random k·90° turns (the
    /// study's), <c>flip</c> random mirroring per axis, <c>shift</c> translations of up to 2 voxels, <c>jitter</c> contrast/brightness ±0.1;
    /// <c>none</c> for no augmentation.
    /// </summary>
    public static IReadOnlySet<string> Augmentations(string value)
    {
        var names = value.Split('+', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(n => n != "none").ToHashSet(StringComparer.Ordinal);
        return names.FirstOrDefault(n => !AugmentationNames.Contains(n)) is { } unknown
            ? throw new OlnmUserException($"trial parameter augment: '{unknown}' is not an augmentation (known: {string.Join(", ", AugmentationNames)}, none)")
            : names;
    }

    /// <summary>
    /// The encoder weights of a <c>pretrained: "true"</c> trial: the file named by the data option
    /// <c>weights-BACKBONE</c> (e.g. a MedicalNet <c>.pth</c>); nothing is ever downloaded.
    /// </summary>
    private static string? PretrainedWeights(ParameterSet p, AutoML.Experiments.ExperimentData data, string architecture)
    {
        if (TrialParameters.Text(p, "pretrained", "false") != "true")
        {
            return null;
        }

        var key = $"weights-{architecture}";
        return data.Options.TryGetValue(key, out var path) && File.Exists(path)
            ? path
            : throw new FileNotFoundException(
                $"Pre-trained {architecture} weights are needed: set data.options.{key} to a local PyTorch state_dict (.pth) — nothing is downloaded.");
    }
}
