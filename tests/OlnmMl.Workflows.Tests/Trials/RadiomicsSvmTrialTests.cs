using System.Collections.Immutable;
using Microsoft.ML;
using Microsoft.ML.Data;
using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.Spaces;
using OlnmMl.AutoML.Store;
using OlnmMl.Imaging.Preprocessing;
using OlnmMl.Workflows.Jobs;
using OlnmMl.Workflows.Reports;
using OlnmMl.Workflows.Study;
using OlnmMl.Workflows.Tests.Study;
using OlnmMl.Workflows.Trials;

namespace OlnmMl.Workflows.Tests.Trials;

/// <summary>The study trials' cohort roles, the radiomics prefix's saved parameters and the best-model export, on a small study on disk.</summary>
public sealed class RadiomicsSvmTrialTests : IDisposable
{
    private readonly StudyFiles _files = new(casesPerCohort: 30, features: 8);
    private readonly string _artefacts = Directory.CreateTempSubdirectory("olnm-trial-").FullName;

    public void Dispose()
    {
        _files.Dispose();
        Directory.Delete(_artefacts, recursive: true);
    }

    [Fact]
    public async Task ATrialFitsOnTrainingSelectsOnValidationAndOnlyScoresTheExternalCohorts()
    {
        var study = StudyData.Load(_files.ManifestPath, _files.TablePath);

        var outcome = await Run(study, Data(SelectionStrategy.InternalValidation, "test-h5"));

        Assert.Equal(
            [("train", CohortRole.Training), ("validation", CohortRole.Selection), ("test-h5", CohortRole.External)],
            outcome.Predictions.Select(p => (p.Cohort, p.Role)));
        Assert.All(outcome.Predictions, p => Assert.Equal(30, p.CaseIds.Count));
        Assert.True(Directory.Exists(Path.Combine(_artefacts, RadiomicsSvmTrial.ModelDirectory)));
    }

    [Fact]
    public async Task AnExternalCohortThatIsNotInTheStudyIsNamedWithTheCohortsThatExist()
    {
        var study = StudyData.Load(_files.ManifestPath, _files.TablePath);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Run(study, Data(SelectionStrategy.InternalValidation, "test-h6")));

        Assert.Contains("'test-h6'", error.Message);
        Assert.Contains("train, validation, test-h5", error.Message);
    }

    [Fact]
    public void TheSavedPrefixParametersReproduceTheFittedMlNetChain()
    {
        var study = StudyData.Load(_files.ManifestPath, _files.TablePath);
        var ml = new MLContext(1);
        var train = new RadiomicsSvmTrial(study).Table("train", "label").ToDataView(ml);
        var (chain, parameters) = RadiomicsPrefix.Fit(ml, train, topK: 3);
        var path = Path.Combine(_artefacts, "radiomics.json");
        RadiomicsPrefix.Save(parameters, path);
        var loaded = RadiomicsPrefix.Load(path);

        var external = study.Cohort("test-h5");
        var expected = chain.Transform(new RadiomicsSvmTrial(study).Table("test-h5", target: null).ToDataView(ml))
            .GetColumn<float[]>("Radiomics").ToArray();
        for (var i = 0; i < external.Count; i++)
        {
            // y_k = (x_j − offset_j) · scale_j for each kept slot j = Selected[k]
            var actual = loaded.SelectedSlots.Select(j => (external[i].Radiomics[j] - loaded.Offset[j]) * loaded.Scale[j]).ToArray();
            Assert.All(actual.Zip(expected[i]), pair => Assert.Equal(pair.Second, pair.First, 1e-5f));
        }

        Assert.Equal(3, loaded.SelectedSlots.Length);
        Assert.Contains(0, (IEnumerable<int>)loaded.SelectedSlots); // the one informative feature is among the kept ones
    }

    [Fact]
    public async Task TheBestRadiomicsModelExportsToOnnxWithParityOnTheExternalCohort()
    {
        var study = StudyData.Load(_files.ManifestPath, _files.TablePath);
        var outcome = await Run(study, Data(SelectionStrategy.InternalValidation, "test-h5"));
        var trial = new TrialRecord
        {
            Number = 0,
            Status = TrialStatus.Complete,
            Parameters = Parameters(),
            Seed = 11,
            StartedAt = DateTimeOffset.UnixEpoch,
            Artefacts = outcome.Artefacts!.ToImmutableSortedDictionary(),
        };
        var best = new ReportedModel(trial, new ModelPredictions("radiomics-svm", outcome.Predictions));
        var onnx = Path.Combine(_artefacts, "model.onnx");

        var (written, maxDifference) = BestModelExport.Export(best, new StudyTrials(new RadiomicsSvmTrial(study)), study, _artefacts, onnx, Data(SelectionStrategy.InternalValidation, "test-h5"));

        Assert.Equal(onnx, written);
        Assert.True(new FileInfo(onnx).Length > 0);
        Assert.InRange(maxDifference, 0, 1e-5);
    }

    private Task<TrialOutcome> Run(StudyData study, ExperimentData data) =>
        new RadiomicsSvmTrial(study).RunAsync(new TrialContext(0, Parameters(), 11, null, null, _artefacts, null, data), CancellationToken.None);

    private static ParameterSet Parameters() => new([
        new(ExperimentDefinition.TrialKindParameter, ParameterValue.Of("radiomics-svm")),
        new("top-k", ParameterValue.Of(3L)),
    ]);

    private static ExperimentData Data(SelectionStrategy selection, params string[] external) =>
        new("unused", selection, [.. external], ImmutableSortedDictionary<string, string>.Empty);
}
