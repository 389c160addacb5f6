using Microsoft.ML;
using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.Spaces;
using OlnmMl.AutoML.Store;
using OlnmMl.Learners.Pipelines;
using OlnmMl.Onnx.Export;
using OlnmMl.Onnx.Graph;
using OlnmMl.Workflows.Study;

namespace OlnmMl.Workflows.Trials;

/// <summary>
/// A trial that fits an OlnmMl.Learners tabular pipeline on one feature vector per case (radiomics, clinical
/// variables): trained on the training cohort only, labelled with the trial's <see cref="TrialTarget"/>, saved as the
/// model folder <see cref="ModelDirectory"/>, exported to ONNX as the whole pipeline.
/// </summary>
public abstract class TabularTrial(StudyData study) : IStudyTrial
{
    /// <summary>Folder of the saved tabular model inside the trial's artefact folder.</summary>
    public const string ModelDirectory = "model";

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <summary>The study the trial reads.</summary>
    protected StudyData Study { get; } = study;

    /// <summary>The names of the feature vector's slots.</summary>
    public abstract IReadOnlyList<string> FeatureNames { get; }

    /// <inheritdoc />
    public long EstimateMemoryBytes(ParameterSet parameters) => 256L << 20;

    /// <inheritdoc />
    public virtual string Describe(ParameterSet parameters) => Name;

    /// <summary>The features of one case, in <see cref="FeatureNames"/> order.</summary>
    public abstract float[] FeaturesOf(StudyCase studyCase);

    /// <summary>The unfitted pipeline for <paramref name="parameters"/>.</summary>
    public abstract TabularPipeline Pipeline(ParameterSet parameters, int seed);

    /// <inheritdoc />
    public Task<TrialOutcome> RunAsync(TrialContext context, CancellationToken cancellationToken) => Task.Run(() =>
    {
        var ml = new MLContext(context.Seed);
        var target = TrialTarget.Of(context.Parameters);
        var model = TabularTraining.Train(Pipeline(context.Parameters, context.Seed), Table(TrialCohorts.Training, target), "label");
        model.Save(ml, Path.Combine(context.ArtefactDirectory, ModelDirectory));
        var predictions = TrialCohorts.Of(Study, context.Data).Select(cohort =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var scores = TabularPrediction.Score(ml, model, Table(cohort.Name, target: null));
            return TrialCohorts.Predictions(cohort.Name, cohort.Role, Study.Cohort(cohort.Name), scores.Select(s => (double)s.Probability).ToArray(), target);
        }).ToArray();
        return new TrialOutcome(predictions, new Dictionary<string, string> { ["model"] = ModelDirectory });
    }, cancellationToken);

    /// <summary>The features of <paramref name="cohort"/> as a table, labelled with <paramref name="target"/> unless it is null.</summary>
    public FeatureTable Table(string cohort, string? target)
    {
        var cases = Study.Cohort(cohort);
        return FeatureTable.FromRows(
            $"{Study.ManifestPath}#{cohort}",
            cases.Select(c => c.Case.Id).ToArray(),
            FeatureNames,
            cases.Select(FeaturesOf).ToArray(),
            target is null ? null : cases.Select(c => c.Outcome(target)).ToArray());
    }

    /// <inheritdoc />
    public OnnxCaseScorer Export(TrialRecord trial, string artefactRoot, string onnxPath, OnnxModelMetadata metadata)
    {
        OnnxModelExport.ExportModelDirectory(Path.Combine(artefactRoot, trial.Artefacts["model"]), onnxPath);
        return (cases, scorer) => scorer.Predict(cases.SelectMany(FeaturesOf).ToArray(), [cases.Count, FeatureNames.Count]);
    }
}
