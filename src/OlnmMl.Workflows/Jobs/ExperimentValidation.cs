using System.Globalization;
using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Spaces;
using OlnmMl.Cohorts.Manifest;
using OlnmMl.Torch.Fusion;
using OlnmMl.Torch.Mil;
using OlnmMl.Torch.Networks;
using OlnmMl.Workflows.Study;
using OlnmMl.Workflows.Trials;

namespace OlnmMl.Workflows.Jobs;

/// <summary>
/// Checks an experiment before any data are prepared (cohort generation and radiomics take minutes): the definition
/// itself, every value the space can give the trial kind (<c>trial</c>) and the parameters the trial factories read
/// by name (<c>fusion</c>, <c>backbone</c>, <c>encoders</c>, <c>inputs</c>, <c>pretrained</c>, <c>selector</c>, <c>classifier</c>, <c>features</c>, <c>target</c> against a
/// manifest source's targets, the numeric ones given as fixed values), and the data options (<c>crop</c>,
/// <c>spacing</c>, <c>channels</c>, <c>window-*</c> through <see cref="ImageRecipeOptions"/>, the slice-bag options
/// <c>bags</c>, <c>bag-*</c> through <see cref="SliceBagRecipeOptions"/>, <c>device</c>, <c>epochs</c>, <c>checkpoint-selection</c>, <c>ensemble</c>). The first problem is thrown as one line, <c>FILE: KEY 'VALUE' …</c>.
/// </summary>
public static class ExperimentValidation
{
    private static readonly string[] NumericParameters =
        ["epochs", "learning-rate", "batch-size", "top-k", "svm-c", "p-enter", "utest-alpha", "logistic-l2", "trees", "leaves", "tree-learning-rate", "min-leaf", "encoder-lr-scale", "freeze-encoder-epochs", "weight-decay"];

    /// <summary>Throws <see cref="OlnmUserException"/> naming <paramref name="experimentPath"/>, the key and the value of the first problem.</summary>
    public static void Validate(ExperimentDefinition experiment, string experimentPath)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        try
        {
            experiment.Validate();
        }
        catch (ArgumentException e)
        {
            throw new OlnmUserException(experimentPath, e.Message, e);
        }

        var recipe = ImageRecipeOptions.Of(experiment.Data, experimentPath);
        SliceBagRecipeOptions.Of(experiment.Data, experimentPath);
        ValidateOptions(experiment.Data.Options, experimentPath);
        try
        {
            CheckpointSelection.UsesInnerSplit(experiment.Data);
            StudyDecisions.Ensemble(experiment.Data);
        }
        catch (OlnmUserException e)
        {
            throw new OlnmUserException($"{experimentPath}: {e.Message}", e);
        }

        var targets = ManifestTargets(experiment.Data.Source);
        foreach (var parameter in experiment.Space.Parameters.OfType<CategoricalParameter>())
        {
            foreach (var value in parameter.Choices)
            {
                if ((Problem(parameter.Name, value, recipe.ChannelKeys, targets) ?? BagProblem(parameter, value, experiment.Space)) is { } problem)
                {
                    throw new OlnmUserException($"{experimentPath}: space.{parameter.Name} '{value}' {problem}");
                }
            }
        }
    }

    private static string? Problem(string name, string value, IReadOnlyList<string> channels, IReadOnlyCollection<string>? targets) => name switch
    {
        ExperimentDefinition.TrialKindParameter when !PreparedStudy.TrialKindNames.Contains(value) =>
            $"is not a trial kind (known: {string.Join(", ", PreparedStudy.TrialKindNames)})",
        "fusion" when !IsFusionMode(value) => $"is not a fusion mode (expected: add*, learnable-add*, concat*, concat, deep-only, radiomics-only)",
        "backbone" when !NetworkCatalog.Names.Contains(value) && !NetworkCatalog.Names2d.Contains(value) =>
            $"is not a backbone (expected for deep and fusion: {string.Join(", ", NetworkCatalog.Names)}; for mil: {string.Join(", ", NetworkCatalog.Names2d)})",
        "pooling" when !MilPoolingNames.All.Contains(value) => $"is not a MIL pooling (expected: {string.Join(", ", MilPoolingNames.All)})",
        "selector" when !TabularSearchTrial.Selectors.Contains(value) => $"is not a selector (expected: {string.Join(", ", TabularSearchTrial.Selectors)})",
        "classifier" when !TabularSearchTrial.Classifiers.Contains(value) => $"is not a classifier (expected: {string.Join(", ", TabularSearchTrial.Classifiers)})",
        "features" when !TabularSearchTrial.FeatureSets.Contains(value) => $"is not a feature set (expected: {string.Join(", ", TabularSearchTrial.FeatureSets)})",
        "mil-mode" when value is not ("bag" or "instance") => "is not bag or instance",
        "aggregation" when value is not ("mean" or "max" or "histogram") => "is not mean, max or histogram",
        "encoders" when value is not ("shared" or "separate") => "is not shared or separate",
        "pretrained" when value is not ("true" or "false") => "is not true or false",
        "augment" when value.Split('+', StringSplitOptions.TrimEntries).FirstOrDefault(a => a != "none" && !FusionTrial.AugmentationNames.Contains(a)) is { } unknown =>
            $"names '{unknown}', which is not an augmentation (known: {string.Join(", ", FusionTrial.AugmentationNames)}, none)",
        "inputs" when value.Split('+', StringSplitOptions.TrimEntries).FirstOrDefault(i => !channels.Contains(i)) is { } unknown =>
            $"names '{unknown}', which is not a channel of the image recipe (channels: {string.Join(", ", channels)}; set data.options.channels)",
        TrialTarget.Parameter when targets is not null && !targets.Contains(value) =>
            $"is not a target of the manifest (targets: {string.Join(", ", targets.Order(StringComparer.Ordinal))})",
        _ when NumericParameters.Contains(name) && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => "is not a number",
        _ => null,
    };

    /// <summary>
    /// A problem of an <c>augment</c> value that a slice-bag trial (<c>mil</c>, <c>dlrad</c>) could receive: only the in-plane
    /// <see cref="MilTrial.BagAugmentationNames"/> apply to 2.5D bags.
    /// </summary>
    private static string? BagProblem(CategoricalParameter parameter, string value, SearchSpace space) =>
        parameter.Name == "augment"
        && TrialKindsOf(parameter, space).Any(kind => kind is "mil" or "dlrad")
        && value.Split('+', StringSplitOptions.TrimEntries).FirstOrDefault(a => a != "none" && !MilTrial.BagAugmentationNames.Contains(a)) is { } volumetric
            ? $"names '{volumetric}', which does not apply to the 2.5D bags of mil and dlrad trials (they take {string.Join(", ", MilTrial.BagAugmentationNames)} or none; restrict it with when: {{trial: [deep, fusion]}})"
            : null;

    /// <summary>The trial kinds under which <paramref name="parameter"/> can be active: its <c>when</c> chain up to <c>trial</c>, or every kind.</summary>
    private static IReadOnlyCollection<string> TrialKindsOf(Parameter parameter, SearchSpace space)
    {
        var trial = space.Parameters.OfType<CategoricalParameter>().First(p => p.Name == ExperimentDefinition.TrialKindParameter);
        for (Parameter current = parameter; ;)
        {
            if (current.Condition is not { } condition)
            {
                return trial.Choices;
            }

            if (condition.Parent == ExperimentDefinition.TrialKindParameter)
            {
                return condition.Values.ToArray();
            }

            current = space.Parameters.First(p => p.Name == condition.Parent);
        }
    }

    private static bool IsFusionMode(string value)
    {
        try
        {
            FusionModeNames.Parse(value);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void ValidateOptions(IReadOnlyDictionary<string, string> options, string experimentPath)
    {
        if (options.TryGetValue("device", out var device) && device is not ("cpu" or "auto"))
        {
            throw new OlnmUserException($"{experimentPath}: data.options.device '{device}' is not cpu or auto");
        }

        if (options.TryGetValue("epochs", out var epochs) && !(int.TryParse(epochs, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count > 0))
        {
            throw new OlnmUserException($"{experimentPath}: data.options.epochs '{epochs}' is not a positive integer");
        }

        if (options.TryGetValue(FusionTrial.ContinueOption, out var continuation) && continuation is not ("true" or "false"))
        {
            throw new OlnmUserException($"{experimentPath}: data.options.{FusionTrial.ContinueOption} '{continuation}' is not true or false");
        }
    }

    /// <summary>The targets of a manifest source that exists already; null for a synthetic source (its manifest is generated later).</summary>
    private static IReadOnlyCollection<string>? ManifestTargets(string source) =>
        File.Exists(source) ? ManifestReader.Read(source).SelectMany(c => c.Targets.Keys).ToHashSet(StringComparer.Ordinal) : null;
}
