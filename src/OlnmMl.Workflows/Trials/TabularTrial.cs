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
/// variables), labelled with the trial's <see cref="TrialTarget"/>. The final model is fitted on the cases of
/// <see cref="TrialCohorts.FinalTraining"/> over the study-level features (<see cref="FeatureNames"/>), saved as the
/// model folder <see cref="ModelDirectory"/> and exported to ONNX as the whole pipeline. With leave-one-centre-out
/// selection each fold (<see cref="CentreFold"/>) fits its own features (<see cref="FitFeatures"/>) and pipeline
/// (scaling, feature selection, learner) on its training centres only, scores its held-out centre as a Selection
/// cohort, and is recorded in <see cref="CentreFoldsFile"/>; fold models are not kept.
/// </summary>
public abstract class TabularTrial(StudyData study) : IStudyTrial
{
    /// <summary>Folder of the saved tabular model inside the trial's artefact folder.</summary>
    public const string ModelDirectory = "model";

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <summary>The study the trial reads.</summary>
    protected StudyData Study { get; } = study;

    /// <summary>The names of the final model's feature slots (of every configuration unless <see cref="Features"/> says otherwise).</summary>
    public abstract IReadOnlyList<string> FeatureNames { get; }

    /// <inheritdoc />
    public long EstimateMemoryBytes(ParameterSet parameters) => 256L << 20;

    /// <inheritdoc />
    public virtual string Describe(ParameterSet parameters) => Name;

    /// <summary>The final model's features of one case, in <see cref="FeatureNames"/> order.</summary>
    public abstract float[] FeaturesOf(StudyCase studyCase);

    /// <summary>The final model's features of a configuration; the default is <see cref="FeatureNames"/> and <see cref="FeaturesOf"/> for every one.</summary>
    protected virtual TrialFeatures Features(ParameterSet parameters) => new(FeatureNames, FeaturesOf);

    /// <summary>
    /// The features of a leave-one-centre-out fold, with every data-dependent choice fitted on <paramref name="training"/>
    /// only. The default is the study-level features (<see cref="Features"/>), right for features chosen without looking at the data.
    /// </summary>
    protected virtual TrialFeatures FitFeatures(ParameterSet parameters, IReadOnlyList<StudyCase> training) => Features(parameters);

    /// <summary>The unfitted pipeline for <paramref name="parameters"/> over the slots <paramref name="features"/>.</summary>
    public abstract TabularPipeline Pipeline(ParameterSet parameters, IReadOnlyList<string> features, int seed);

    /// <inheritdoc />
    public Task<TrialOutcome> RunAsync(TrialContext context, CancellationToken cancellationToken) => Task.Run(() =>
    {
        var ml = new MLContext(context.Seed);
        var target = TrialTarget.Of(context.Parameters);
        var features = Features(context.Parameters);
        var folds = TrialCohorts.Folds(Study, context.Data);
        var (model, _) = Fit(context, features, TrialCohorts.FinalTraining(Study, context.Data), target);
        model.Save(ml, Path.Combine(context.ArtefactDirectory, ModelDirectory));
        var predictions = TrialCohorts.Of(Study, context.Data)
            .Select(cohort => Score(ml, model, features, cohort.Name, cohort.Role, cohort.Cases, target, cancellationToken)).ToList();
        var artefacts = new Dictionary<string, string> { ["model"] = ModelDirectory };
        if (folds.Count > 0)
        {
            var records = new List<CentreFoldsFile.Fold>();
            foreach (var fold in folds)
            {
                var foldFeatures = FitFeatures(context.Parameters, fold.Training);
                var (foldModel, table) = Fit(context, foldFeatures, fold.Training, target);
                predictions.Add(Score(ml, foldModel, foldFeatures, fold.Cohort, CohortRole.Selection, fold.HeldOut, target, cancellationToken));
                records.Add(new CentreFoldsFile.Fold(fold.Cohort, fold.HeldOutCentre, fold.TrainingCentres, table.Ids, foldFeatures.Names));
            }

            CentreFoldsFile.Write(Path.Combine(context.ArtefactDirectory, CentreFoldsFile.FileName), records);
            artefacts["folds"] = CentreFoldsFile.FileName;
        }

        return new TrialOutcome(predictions, artefacts);
    }, cancellationToken);

    /// <summary>The features of <paramref name="cohort"/> as a table, labelled with <paramref name="target"/> unless it is null.</summary>
    public FeatureTable Table(string cohort, string? target) =>
        Table(new TrialFeatures(FeatureNames, FeaturesOf), Study.Cohort(cohort), target, cohort);

    private FeatureTable Table(TrialFeatures features, IReadOnlyList<StudyCase> cases, string? target, string source) =>
        FeatureTable.FromRows(
            $"{Study.ManifestPath}#{source}",
            cases.Select(c => c.Case.Id).ToArray(),
            features.Names,
            cases.Select(features.Of).ToArray(),
            target is null ? null : cases.Select(c => c.Outcome(target)).ToArray());

    // The pipeline fitted on `cases` alone, and the table it was fitted on.
    private (TabularModel Model, FeatureTable Table) Fit(TrialContext context, TrialFeatures features, IReadOnlyList<StudyCase> cases, string target)
    {
        var table = Table(features, cases, target, "fit");
        return (TabularTraining.Train(Pipeline(context.Parameters, features.Names, context.Seed), table, "label"), table);
    }

    private CohortPredictions Score(
        MLContext ml, TabularModel model, TrialFeatures features, string cohort, CohortRole role, IReadOnlyList<StudyCase> cases, string target, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var scores = TabularPrediction.Score(ml, model, Table(features, cases, target: null, cohort));
        return TrialCohorts.Predictions(cohort, role, cases, scores.Select(s => (double)s.Probability).ToArray(), target);
    }

    /// <inheritdoc />
    public OnnxCaseScorer Export(TrialRecord trial, string artefactRoot, string onnxPath, OnnxModelMetadata metadata)
    {
        OnnxModelExport.ExportModelDirectory(Path.Combine(artefactRoot, trial.Artefacts["model"]), onnxPath);
        var features = Features(trial.Parameters);
        return (cases, scorer) => scorer.Predict(cases.SelectMany(features.Of).ToArray(), [cases.Count, features.Names.Count]);
    }
}
