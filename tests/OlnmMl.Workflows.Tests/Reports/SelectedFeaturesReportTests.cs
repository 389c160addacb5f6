using System.Collections.Immutable;
using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.Spaces;
using OlnmMl.AutoML.Store;
using OlnmMl.Learners.Clinical;
using OlnmMl.Workflows.Jobs;
using OlnmMl.Workflows.Reports;
using OlnmMl.Workflows.Study;
using OlnmMl.Workflows.Tests.Study;
using OlnmMl.Workflows.Trials;

namespace OlnmMl.Workflows.Tests.Reports;

/// <summary>The study report's selected-features section, from a radiomics-svm trial run on a small study whose first feature alone carries the label.</summary>
public sealed class SelectedFeaturesReportTests : IDisposable
{
    private readonly StudyFiles _files = new(casesPerCohort: 30, features: 8);
    private readonly string _artefacts = Directory.CreateTempSubdirectory("olnm-selected-report-").FullName;

    public void Dispose()
    {
        _files.Dispose();
        Directory.Delete(_artefacts, recursive: true);
    }

    [Fact]
    public async Task TheReportOfATinyStudyListsTheRadiomicsModelsSelectedFeaturesInHtmlMarkdownAndCsv()
    {
        var study = StudyData.Load(_files.ManifestPath, _files.TablePath);
        var kind = new RadiomicsSvmTrial(study);
        var parameters = new ParameterSet([new(ExperimentDefinition.TrialKindParameter, ParameterValue.Of("radiomics-svm")), new("top-k", ParameterValue.Of(3L))]);
        var data = new ExperimentData("unused", SelectionStrategy.InternalValidation, ["test-h5"], ImmutableSortedDictionary<string, string>.Empty);
        var outcome = await kind.RunAsync(new TrialContext(0, parameters, 11, null, null, _artefacts, null, data), CancellationToken.None);
        var trial = new TrialRecord
        {
            Number = 0,
            Status = TrialStatus.Complete,
            Parameters = parameters,
            Seed = 11,
            StartedAt = DateTimeOffset.UnixEpoch,
            Artefacts = outcome.Artefacts!.ToImmutableSortedDictionary(),
        };
        var radiomics = new ModelPredictions("radiomics-svm", outcome.Predictions);

        var features = ReportedFeatures.Of([new ReportedModel(trial, radiomics)], new StudyTrials(kind), _artefacts);
        var folder = Path.Combine(_artefacts, "report");
        var html = File.ReadAllText(StudyReportBuilder.Build("s", [radiomics], [], null, "", new Dictionary<string, string>(), features: features).Write(folder));

        var selected = features["radiomics-svm"];
        Assert.Equal(3, selected.Rows.Count);
        Assert.Equal("original_f0", selected.Rows.MaxBy(r => r.Score)!.Name); // the informative feature has the largest CART importance
        Assert.All(selected.Rows, r => Assert.Equal("RBF kernel: no per-feature weight", r.Meaning));
        Assert.Contains("<h2>Selected features</h2>", html);
        Assert.Contains("radiomics-svm: 3 feature(s) selected by decision-tree (score: CART Gini importance) and the RBF kernel SVM, every step fitted on the train cohort only (30 cases)", html);
        var csv = File.ReadAllLines(Directory.GetFiles(folder, "table*-radiomics-svm--3-feature*.csv").Single());
        Assert.Equal("feature,selection score,coefficient or importance,meaning", csv[0]);
        Assert.Equal(selected.Rows.Select(r => r.Name), csv.Skip(1).Select(line => line.Split(',')[0]));
        Assert.Contains("| original_f0 |", File.ReadAllText(Path.Combine(folder, "report.md")));
    }

    [Fact]
    public void AClinicalLogisticLearnersSelectedFeaturesAreFollowedByItsOddsRatioTable()
    {
        var age = new LogisticCoefficient("age", 0.05, 0.02, 2.5, 0.0124, Math.Exp(0.05), 1.0112, 1.0935);
        var signature = new ClinicalSignature(
            [new ClinicalSignatureRow("age", age, age, SignatureEntry.InModel)], [0], [new LogisticCoefficient("(Intercept)", -2, 0.5, -4, 6e-5, 0.135, 0.05, 0.36), age], null, false);
        var features = new Dictionary<string, SelectedFeatures>
        {
            ["clinical"] = new("univariable-logistic", "univariable Wald p", true, "multivariable logistic regression", -2, [new SelectedFeature("age", 0.0124, 0.05, "β")], signature),
        };

        var report = StudyReportBuilder.Build(
            "s", [StudyReportFixtures.Separating("fusion", 0.9, 1), StudyReportFixtures.Separating("clinical", 0.5, 2)], [], null, "", new Dictionary<string, string>(), features: features);
        var markdown = File.ReadAllText(Path.Combine(Path.GetDirectoryName(report.Write(Path.Combine(_artefacts, "clinical")))!, "report.md"));

        var section = markdown[markdown.IndexOf("## Selected features", StringComparison.Ordinal)..markdown.IndexOf("## Discrimination", StringComparison.Ordinal)];
        Assert.Contains("| age | 0.012 | 0.050 | β |", section);
        Assert.Contains($"**{OddsRatioTable.Title("clinical")}**", section);
        Assert.Contains("| age | 1.051 (1.011–1.094) | 0.012 | 1.051 (1.011–1.094) | 0.012 |", section);
        Assert.DoesNotContain("fusion:", section); // only the models given features have a table
    }

    [Fact]
    public void SelectedFeaturesOfAModelNotInTheReportAreRefusedNamingTheModels()
    {
        var features = new Dictionary<string, SelectedFeatures>
        {
            ["radiomics"] = new("none (every input feature)", "", false, "FastTree", null, [new SelectedFeature("f", null, 1, "gain")], null),
        };

        var error = Assert.Throws<ArgumentException>(() =>
            StudyReportBuilder.Build("s", [StudyReportFixtures.Separating("fusion", 0.9, 1)], [], null, "", new Dictionary<string, string>(), features: features));

        Assert.Contains("'radiomics'", error.Message);
        Assert.Contains("(fusion)", error.Message);
    }
}
