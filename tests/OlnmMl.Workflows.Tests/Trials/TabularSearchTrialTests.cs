using System.Collections.Immutable;
using Microsoft.ML;
using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.Spaces;
using OlnmMl.AutoML.Store;
using OlnmMl.Evaluation.Roc;
using OlnmMl.Learners.Pipelines;
using OlnmMl.Workflows.Jobs;
using OlnmMl.Workflows.Reports;
using OlnmMl.Workflows.Study;
using OlnmMl.Workflows.Trials;
using OlnmMl.Workflows.Tests.Study;

namespace OlnmMl.Workflows.Tests.Trials;

/// <summary>
/// The tabular-search trial on a small study whose first radiomics feature separates the classes (1.5 · label + U(0, 1):
/// positives in [1.5, 2.5], negatives in [0, 1]) and whose other features and the clinical column <c>age</c> are noise:
/// every selector × classifier must find it (external AUC near 1), build the pipeline its parameters name, and export
/// to ONNX with the in-process probabilities (ONNX Runtime, |Δp| ≤ 1e-5).
/// </summary>
public sealed class TabularSearchTrialTests : IDisposable
{
    private readonly StudyFiles _files = new(casesPerCohort: 30, features: 8, age: (_, i) => 50 + i * 7 % 23);
    private readonly string _artefacts = Directory.CreateTempSubdirectory("olnm-search-").FullName;

    public void Dispose()
    {
        _files.Dispose();
        Directory.Delete(_artefacts, recursive: true);
    }

    [Theory]
    [InlineData("cart", "svm", "method: decision-tree", "svm:")]
    [InlineData("tree-gain", "lightgbm", "method: tree-ensemble-gain", "lightgbm:")]
    [InlineData("mrmr", "logistic", "method: mrmr", "lbfgs-logistic:")]
    [InlineData("lasso", "fasttree", "method: lasso", "fasttree:")]
    [InlineData("utest-lasso", "svm", "method: utest", "method: lasso")]
    public async Task Each_selector_and_classifier_builds_its_pipeline_and_finds_the_informative_feature(string selector, string classifier, string step, string other)
    {
        var study = StudyData.Load(_files.ManifestPath, _files.TablePath);

        var outcome = await Run(study, Parameters(selector, classifier), Data(SelectionStrategy.InternalValidation));

        Assert.Equal([("train", CohortRole.Training), ("validation", CohortRole.Selection), ("test-h5", CohortRole.External)], outcome.Predictions.Select(p => (p.Cohort, p.Role)));
        var external = outcome.Predictions[2];
        Assert.InRange(DeLong.Auc([.. external.Probabilities], [.. external.Labels]), 0.95, 1.0);
        var pipeline = File.ReadAllText(Path.Combine(_artefacts, TabularTrial.ModelDirectory, "pipeline.yaml"));
        Assert.Contains("normalize: mean-variance", pipeline);
        Assert.Contains(step, pipeline);
        Assert.Contains(other, pipeline);
    }

    [Theory]
    [InlineData("svm", "radiomics")]
    [InlineData("lightgbm", "radiomics")]
    [InlineData("logistic", "radiomics+clinical")]
    [InlineData("fasttree", "radiomics+clinical")]
    public async Task The_model_exports_to_onnx_with_the_probabilities_of_the_trial(string classifier, string features)
    {
        var study = StudyData.Load(_files.ManifestPath, _files.TablePath);
        var parameters = Parameters("cart", classifier, features);
        var outcome = await Run(study, parameters, Data(SelectionStrategy.InternalValidation));
        var trial = new TrialRecord
        {
            Number = 0,
            Status = TrialStatus.Complete,
            Parameters = parameters,
            Seed = 11,
            StartedAt = DateTimeOffset.UnixEpoch,
            Artefacts = outcome.Artefacts!.ToImmutableSortedDictionary(),
        };
        var onnx = Path.Combine(_artefacts, "model.onnx");

        var (_, maxDifference) = BestModelExport.Export(
            new ReportedModel(trial, new ModelPredictions(TabularSearchTrial.KindName, outcome.Predictions)),
            new StudyTrials(new TabularSearchTrial(study)), study, _artefacts, onnx, Data(SelectionStrategy.InternalValidation));

        Assert.InRange(maxDifference, 0, 1e-5);
    }

    [Fact]
    public async Task The_clinical_variables_follow_the_radiomics_only_when_asked_for()
    {
        var study = StudyData.Load(_files.ManifestPath, _files.TablePath);

        await Run(study, Parameters("cart", "svm", "radiomics+clinical"), Data(SelectionStrategy.InternalValidation));
        var withClinical = Features();
        await Run(study, Parameters("cart", "svm", "radiomics"), Data(SelectionStrategy.InternalValidation));

        Assert.Equal([.. _files.Features, "age"], withClinical);
        Assert.Equal(_files.Features, Features());
    }

    private IReadOnlyList<string> Features() => TabularModel.Load(new MLContext(0), Path.Combine(_artefacts, TabularTrial.ModelDirectory)).Manifest.Features;

    [Fact]
    public async Task Leave_one_centre_out_folds_fit_the_searched_pipeline_on_the_other_centres()
    {
        using var files = new StudyFiles(casesPerCohort: 24, features: 4, centre: (cohort, i) => cohort switch
        {
            "train" => i / 2 % 2 == 0 ? "A" : "B",
            "validation" => "C",
            _ => "5",
        }, age: (_, i) => 40 + i);
        var study = StudyData.Load(files.ManifestPath, files.TablePath);

        var outcome = await Run(study, Parameters("mrmr", "lightgbm", "radiomics+clinical"), Data(SelectionStrategy.LeaveOneCentreOut));

        Assert.Equal(
            [("development", CohortRole.Training), ("test-h5", CohortRole.External), ("loco-A", CohortRole.Selection), ("loco-B", CohortRole.Selection), ("loco-C", CohortRole.Selection)],
            outcome.Predictions.Select(p => (p.Cohort, p.Role)));
        var folds = CentreFoldsFile.Read(Path.Combine(_artefacts, outcome.Artefacts!["folds"]));
        Assert.All(folds, fold => Assert.Equal("age", fold.Features[^1]));
        Assert.All(folds, fold => Assert.DoesNotContain(fold.HeldOutCentre, fold.TrainingCentres));
    }

    private Task<TrialOutcome> Run(StudyData study, ParameterSet parameters, ExperimentData data) =>
        new TabularSearchTrial(study).RunAsync(new TrialContext(0, parameters, 11, null, null, _artefacts, null, data), CancellationToken.None);

    private static ParameterSet Parameters(string selector, string classifier, string features = "radiomics") => new([
        new(ExperimentDefinition.TrialKindParameter, ParameterValue.Of(TabularSearchTrial.KindName)),
        new("features", ParameterValue.Of(features)),
        new("selector", ParameterValue.Of(selector)),
        new("classifier", ParameterValue.Of(classifier)),
        new("top-k", ParameterValue.Of(3L)),
        new("min-leaf", ParameterValue.Of(3L)),
        new("trees", ParameterValue.Of(20L)),
    ]);

    private static ExperimentData Data(SelectionStrategy selection) =>
        new("unused", selection, ["test-h5"], ImmutableSortedDictionary<string, string>.Empty);
}
