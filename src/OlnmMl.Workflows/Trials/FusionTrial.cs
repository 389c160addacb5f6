using System.Globalization;
using Microsoft.ML;
using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.Spaces;
using OlnmMl.Torch;
using OlnmMl.Torch.Fusion;
using OlnmMl.Workflows.Study;

namespace OlnmMl.Workflows.Trials;

/// <summary>
/// Deep-only and radiomics–deep fusion trials on the study's crops. The radiomics branch is the same
/// ML.NET prefix as the radiomics model (z-score → CART top-k), fitted on the training cohort; the
/// network is trained by <see cref="FusionTrainer"/> with checkpoint selection on the validation
/// cohort only. Parameters: <c>backbone</c> (architecture, default resnet10-tiny), <c>fusion</c>
/// (mode; the <c>deep</c> kind is always deep-only), <c>top-k</c> (default 10), <c>epochs</c>
/// (default: the data option <c>epochs</c>, else 10; the successive-halving budget wins), <c>learning-rate</c> (default 1e-3), <c>batch-size</c>
/// (default 12), <c>pretrained</c>; the data option <c>device</c> is <c>cpu</c> or <c>auto</c> (CUDA when TorchSharp reports it), and <c>pretrained</c> ("true" loads the data option <c>weights-BACKBONE</c>). Artefacts: <c>radiomics-preprocessing.json</c> (the fitted prefix) and <c>fusion.bin</c> (the network).
/// </summary>
public sealed class FusionTrial(string name, StudyData study, StudyImages images, int threads = 0) : ITrialFactory
{
    /// <summary>File name of the saved radiomics prefix parameters (normaliser + selector).</summary>
    public const string RadiomicsFile = "radiomics-preprocessing.json";

    /// <summary>File name of the saved network.</summary>
    public const string NetworkFile = "fusion.bin";

    /// <summary>The deep-only trial kind.</summary>
    public static FusionTrial DeepOnly(StudyData study, StudyImages images, int threads = 0) => new("deep", study, images, threads);

    /// <summary>The fusion trial kind (mode from the <c>fusion</c> parameter).</summary>
    public static FusionTrial Fused(StudyData study, StudyImages images, int threads = 0) => new("fusion", study, images, threads);

    /// <inheritdoc />
    public string Name { get; } = name;

    /// <inheritdoc />
    public long EstimateMemoryBytes(ParameterSet parameters) =>
        (512L << 20) + 64L * study.Cases.Count * images.ImageLength(StudyImages.ChannelsOf(study)) * sizeof(float) / 16;

    /// <inheritdoc />
    public Task<TrialOutcome> RunAsync(TrialContext context, CancellationToken cancellationToken) => Task.Run(() =>
    {
        var ml = new MLContext(context.Seed);
        var p = context.Parameters;
        var mode = Name == "deep" ? FusionMode.DeepOnly : FusionModeNames.Parse(TrialParameters.Text(p, "fusion", "concat"));
        var topK = Math.Min((int)TrialParameters.Number(p, "top-k", 10), study.RadiomicsNames.Count);
        var channels = StudyImages.ChannelsOf(study);
        var imageLength = images.ImageLength(channels);
        IDataView View(IReadOnlyList<StudyCase> cases) => StudyViews.Create(ml, cases, study.RadiomicsNames, images.Crop, imageLength);

        var train = View(study.Cohort(TrialCohorts.Training));
        var (prefix, preprocessing) = RadiomicsPrefix.Fit(ml, train, topK);
        RadiomicsPrefix.Save(preprocessing, Path.Combine(context.ArtefactDirectory, RadiomicsFile));
        var epochs = context.Budget ?? (int)TrialParameters.Number(p, "epochs", double.Parse(context.Data.Options.GetValueOrDefault("epochs", "10"), CultureInfo.InvariantCulture));
        var architecture = TrialParameters.Text(p, "backbone", "resnet10-tiny");
        var trainer = ml.BinaryClassification.Trainers.Fusion(new FusionTrainerOptions
        {
            Architecture = architecture,
            EncoderWeightsPath = PretrainedWeights(p, context.Data, architecture),
            ImageChannels = channels,
            Mode = mode,
            LearningRate = TrialParameters.Number(p, "learning-rate", 1e-3),
            BatchSize = (int)TrialParameters.Number(p, "batch-size", 12),
            Epochs = epochs,
            CosineDecayStartEpoch = Math.Min(5, Math.Max(0, epochs - 1)),
            Seed = context.Seed,
            Device = new TorchDeviceOptions { Threads = threads, ForceCpu = context.Data.Options.GetValueOrDefault("device", "auto") == "cpu" },
        });
        var validation = View(study.Cohort(TrialCohorts.Validation));
        using var network = trainer.Fit(prefix.Transform(train), prefix.Transform(validation), cancellationToken);
        network.SaveModel(Path.Combine(context.ArtefactDirectory, NetworkFile));
        var predictions = TrialCohorts.Of(study, context.Data).Select(cohort =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var cases = study.Cohort(cohort.Name);
            var scored = network.Transform(prefix.Transform(View(cases)));
            return TrialCohorts.Predictions(cohort.Name, cohort.Role, cases, StudyViews.Probabilities(scored));
        }).ToArray();
        return new TrialOutcome(
            predictions,
            new Dictionary<string, string> { ["radiomics"] = RadiomicsFile, ["network"] = NetworkFile },
            new Dictionary<string, string> { ["torchsharp"] = typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString() ?? "?" });
    }, cancellationToken);

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
