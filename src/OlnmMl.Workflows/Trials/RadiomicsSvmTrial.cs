using Microsoft.ML;
using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.Spaces;
using OlnmMl.Learners.Pipelines;
using OlnmMl.Learners.Selection;
using OlnmMl.Learners.Svm;
using OlnmMl.Workflows.Study;

namespace OlnmMl.Workflows.Trials;

/// <summary>
/// The published radiomics model: z-score normalisation fitted on the training cohort → the
/// <c>top-k</c> features of a single CART tree's Gini importance → RBF kernel SVM with Platt
/// probabilities (<c>svm-c</c>), as an OlnmMl.Learners tabular pipeline. Parameters: <c>top-k</c>
/// (default 10), <c>svm-c</c> (default 1), <c>target</c> (<see cref="TrialTarget"/>). Artefact: the model directory <c>model/</c>.
/// </summary>
public sealed class RadiomicsSvmTrial(StudyData study) : ITrialFactory
{
    /// <summary>Folder of the saved tabular model inside the trial's artefact folder.</summary>
    public const string ModelDirectory = "model";

    /// <inheritdoc />
    public string Name => "radiomics-svm";

    /// <inheritdoc />
    public long EstimateMemoryBytes(ParameterSet parameters) => 256L << 20;

    /// <summary>The pipeline for <paramref name="parameters"/>.</summary>
    public static TabularPipeline Pipeline(ParameterSet parameters, int featureCount, int seed) =>
        new TabularPipelineBuilder("radiomics-svm")
            .NormalizeMeanVariance()
            .Select(new DecisionTreeSelectionOptions { TopK = Math.Min(featureCount, (int)TrialParameters.Number(parameters, "top-k", 10)) })
            .KernelSvm(new KernelSvmOptions { C = TrialParameters.Number(parameters, "svm-c", 1.0), Seed = seed })
            .Build();

    /// <inheritdoc />
    public Task<TrialOutcome> RunAsync(TrialContext context, CancellationToken cancellationToken) => Task.Run(() =>
    {
        var ml = new MLContext(context.Seed);
        var pipeline = Pipeline(context.Parameters, study.RadiomicsNames.Count, context.Seed);
        var target = TrialTarget.Of(context.Parameters);
        var model = TabularTraining.Train(pipeline, Table(study, TrialCohorts.Training, withLabels: true, target), "label");
        model.Save(ml, Path.Combine(context.ArtefactDirectory, ModelDirectory));
        var predictions = TrialCohorts.Of(study, context.Data).Select(cohort =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var scores = TabularPrediction.Score(ml, model, Table(study, cohort.Name, withLabels: false));
            return TrialCohorts.Predictions(cohort.Name, cohort.Role, study.Cohort(cohort.Name), scores.Select(s => (double)s.Probability).ToArray(), target);
        }).ToArray();
        return new TrialOutcome(predictions, new Dictionary<string, string> { ["model"] = ModelDirectory });
    }, cancellationToken);

    /// <summary>The radiomics of <paramref name="cohort"/> as a feature table, labelled with <paramref name="target"/> when <paramref name="withLabels"/>.</summary>
    public static FeatureTable Table(StudyData study, string cohort, bool withLabels, string target = Cohorts.Manifest.Targets.Default)
    {
        var cases = study.Cohort(cohort);
        return FeatureTable.FromRows(
            $"{study.ManifestPath}#{cohort}",
            cases.Select(c => c.Case.Id).ToArray(),
            study.RadiomicsNames,
            cases.Select(c => c.Radiomics).ToArray(),
            withLabels ? cases.Select(c => c.Outcome(target)).ToArray() : null);
    }
}
