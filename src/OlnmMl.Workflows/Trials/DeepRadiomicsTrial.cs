using Microsoft.ML;
using Microsoft.ML.Data;
using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.Spaces;
using OlnmMl.AutoML.Store;
using OlnmMl.Learners.Data;
using OlnmMl.Learners.Pipelines;
using OlnmMl.Onnx.Graph;
using OlnmMl.Onnx.Networks;
using OlnmMl.Onnx.Scoring;
using OlnmMl.Torch.Mil;
using OlnmMl.Workflows.Study;

namespace OlnmMl.Workflows.Trials;

/// <summary>
/// The DLRad signature of the 2.5D deep learning + MIL + clinical study (2025): a patient's MIL deep features (the pooled
/// bag features z of a network trained as the <c>mil</c> kind trains it, <see cref="MilTrial.Fit"/>) placed after its
/// radiomics, x = [radiomics, z], then z-score → selector → classifier on x (by default CART top-k → RBF SVM, the
/// radiomics-svm pipeline; <c>selector</c>, <c>classifier</c> and their hyper-parameters as in
/// <see cref="TabularSearchTrial.SearchPipeline"/>) — every step fitted on the training cohort only; the network keeps its
/// epoch of highest internal-validation AUC. Parameters: the <c>mil</c> kind's (<c>backbone</c>, <c>pooling</c>,
/// <c>mil-mode</c>, <c>aggregation</c>, <c>epochs</c>, <c>learning-rate</c>, <c>batch-size</c>, <c>augment</c>), the
/// tabular ones over the joined features (<c>top-k</c> default 10, <c>svm-c</c> default 1, …), <c>target</c>. Artefacts: <c>mil.bin</c> and the tabular model folder <c>model/</c>. Exported as one ONNX
/// graph (<see cref="DeepRadiomicsModelExporter"/>).
/// </summary>
public sealed class DeepRadiomicsTrial(StudyData study, StudyBags bags, int threads = 0) : IStudyTrial
{
    /// <summary>Folder of the saved tabular model inside the trial's artefact folder.</summary>
    public const string ModelDirectory = "model";

    /// <summary>Bags per forward pass when scoring.</summary>
    private const int ScoringBatch = 8;

    /// <inheritdoc />
    public string Name => "dlrad";

    /// <inheritdoc />
    public long EstimateMemoryBytes(ParameterSet parameters) => new MilTrial(study, bags, threads).EstimateMemoryBytes(parameters);

    /// <inheritdoc />
    public Task<TrialOutcome> RunAsync(TrialContext context, CancellationToken cancellationToken) => Task.Run(() =>
    {
        TrialCohorts.RequireInternalValidation(context.Data, Name);
        var ml = new MLContext(context.Seed);
        var target = TrialTarget.Of(context.Parameters);
        using var network = MilTrial.Fit(study, bags, context, threads, cancellationToken);
        network.SaveModel(Path.Combine(context.ArtefactDirectory, MilTrial.ModelFile));
        FeatureTable Table(string cohort, string? label)
        {
            var cases = study.Cohort(cohort);
            var deep = network.Model.Score(new StudyBagSamples(cases, bags, target), ScoringBatch).Features;
            return FeatureTable.FromRows(
                $"{study.ManifestPath}#{cohort}",
                [.. cases.Select(c => c.Case.Id)],
                FeatureNames(deep[0].Length),
                [.. cases.Select((c, i) => (float[])[.. c.Radiomics, .. deep[i]])],
                label is null ? null : [.. cases.Select(c => c.Outcome(label))]);
        }

        var training = Table(TrialCohorts.Training, target);
        var model = TabularTraining.Train(TabularSearchTrial.SearchPipeline(Name, context.Parameters, training.FeatureNames.Count, context.Seed), training, "label");
        model.Save(ml, Path.Combine(context.ArtefactDirectory, ModelDirectory));
        var predictions = TrialCohorts.Of(study, context.Data).Select(cohort =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var scores = TabularPrediction.Score(ml, model, Table(cohort.Name, label: null));
            return TrialCohorts.Predictions(cohort.Name, cohort.Role, study.Cohort(cohort.Name), [.. scores.Select(s => (double)s.Probability)], target);
        }).ToArray();
        return new TrialOutcome(
            predictions,
            new Dictionary<string, string> { ["network"] = MilTrial.ModelFile, ["model"] = ModelDirectory },
            new Dictionary<string, string> { ["torchsharp"] = typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString() ?? "?" });
    }, cancellationToken);

    /// <inheritdoc />
    public string Describe(ParameterSet parameters) => Name;

    /// <summary>
    /// Exports the network and the tabular model as one graph: inputs <c>instances</c>, <c>instance_mask</c> and the raw
    /// <c>radiomics</c> (the study's feature order), output <c>probability</c>.
    /// </summary>
    public OnnxCaseScorer Export(TrialRecord trial, string artefactRoot, string onnxPath, OnnxModelMetadata metadata)
    {
        var model = TabularModel.Load(new MLContext(trial.Seed), Path.Combine(artefactRoot, trial.Artefacts["model"]));
        using (var network = MilModel.Load(Path.Combine(artefactRoot, trial.Artefacts["network"])))
        {
            DeepRadiomicsModelExporter.Export(
                MilOnnx.Definition(network, bags.Options.Fingerprint()), study.RadiomicsNames,
                new TransformerChain<ITransformer>([.. model.Transformers]), DefaultColumnNames.Features, metadata, onnxPath);
        }

        var target = TrialTarget.Of(trial.Parameters);
        return (cases, scorer) => MilOnnx.Score(new StudyBagSamples(cases, bags, target), scorer, ScoringBatch, (start, count) =>
            [new(DeepRadiomicsModelExporter.RadiomicsInput, new OnnxInput([.. cases.Skip(start).Take(count).SelectMany(c => c.Radiomics)], [count, study.RadiomicsNames.Count]))]);
    }

    /// <summary>The study's radiomics names, then <c>deep_0</c> … <c>deep_{F−1}</c>.</summary>
    private IReadOnlyList<string> FeatureNames(int deepWidth) => [.. study.RadiomicsNames, .. Enumerable.Range(0, deepWidth).Select(i => $"deep_{i}")];
}
