using System.Collections.Immutable;
using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.Spaces;
using OlnmMl.Workflows.Study;
using OlnmMl.Workflows.Tests.Study;
using OlnmMl.Workflows.Trials;

namespace OlnmMl.Workflows.Tests.Trials;

/// <summary>
/// Leave-one-centre-out selection in the tabular trials, on a hand-built study whose development cases come from
/// three centres: A and B (the train cohort) and C (the validation cohort), where C is different — feature
/// <c>original_f2</c> is missing (NaN) in every C case — and external centre 5 is never fitted on.
/// </summary>
public sealed class LeaveOneCentreOutTests : IDisposable
{
    private readonly StudyFiles _files = new(casesPerCohort: 24, features: 4, centre: (cohort, i) => cohort switch
    {
        "train" => i / 2 % 2 == 0 ? "A" : "B", // both classes in each centre (label = i mod 2)
        "validation" => "C",
        _ => "5",
    });

    private readonly string _artefacts = Directory.CreateTempSubdirectory("olnm-loco-").FullName;

    public LeaveOneCentreOutTests()
    {
        foreach (var id in _files.Rows.Keys.Where(id => id.StartsWith("validation", StringComparison.Ordinal)))
        {
            _files.Rows[id][2] = "NaN";
        }

        _files.WriteTable();
    }

    public void Dispose()
    {
        _files.Dispose();
        Directory.Delete(_artefacts, recursive: true);
    }

    [Fact]
    public async Task Each_fold_trains_on_the_other_development_centres_only_and_scores_its_own()
    {
        var study = StudyData.Load(_files.ManifestPath, _files.TablePath);
        var trial = new RadiomicsSvmTrial(study);
        var parameters = new ParameterSet([new(ExperimentDefinition.TrialKindParameter, ParameterValue.Of("radiomics-svm"))]);
        var data = new ExperimentData("unused", SelectionStrategy.LeaveOneCentreOut, ["test-h5"], ImmutableSortedDictionary<string, string>.Empty);

        var outcome = await trial.RunAsync(new TrialContext(0, parameters, 11, null, null, _artefacts, null, data), CancellationToken.None);

        Assert.Equal(
            [("development", CohortRole.Training), ("test-h5", CohortRole.External), ("loco-A", CohortRole.Selection), ("loco-B", CohortRole.Selection), ("loco-C", CohortRole.Selection)],
            outcome.Predictions.Select(p => (p.Cohort, p.Role)));
        var centreOf = study.Cases.ToDictionary(c => c.Case.Id, c => c.Case.Centre);
        var development = study.Cases.Where(c => c.Cohort != "test-h5").Select(c => c.Case.Id).ToArray();
        Assert.Equal(development, outcome.Predictions[0].CaseIds); // the exported model is refitted on every development centre
        var folds = CentreFoldsFile.Read(Path.Combine(_artefacts, outcome.Artefacts!["folds"]));
        Assert.Equal(
            [("loco-A", "A", "B C"), ("loco-B", "B", "A C"), ("loco-C", "C", "A B")],
            folds.Select(f => (f.Cohort, f.HeldOutCentre, string.Join(' ', f.TrainingCentres))));
        foreach (var fold in folds)
        {
            var scored = outcome.Predictions.Single(p => p.Cohort == fold.Cohort).CaseIds;
            Assert.All(scored, id => Assert.Equal(fold.HeldOutCentre, centreOf[id]));
            Assert.DoesNotContain(fold.TrainingIds, id => centreOf[id] == fold.HeldOutCentre || centreOf[id] == "5");
            Assert.Equal(development.Where(id => centreOf[id] != fold.HeldOutCentre).Order(), fold.TrainingIds.Order());
        }

        // The column choice is refitted per fold: f2 (NaN in centre C) is usable only in the fold that holds C out.
        Assert.Equal([false, false, true], folds.Select(f => f.Features.Contains("original_f2")));

        var perCentre = outcome.Predictions.Where(p => p.Role == CohortRole.Selection)
            .Select(p => SelectionObjective.Compute(ObjectiveMetric.Auc, [p])).ToArray();
        Assert.Equal(perCentre.Average(), SelectionObjective.Compute(ObjectiveMetric.Auc, outcome.Predictions), 12); // mean over centres, not pooled
    }

    [Fact]
    public async Task One_development_centre_is_refused_with_the_centres_found()
    {
        using var single = new StudyFiles(casesPerCohort: 12, features: 3, centre: (cohort, _) => cohort == "test-h5" ? "5" : "A");
        var study = StudyData.Load(single.ManifestPath, single.TablePath);
        var data = new ExperimentData("unused", SelectionStrategy.LeaveOneCentreOut, [], ImmutableSortedDictionary<string, string>.Empty);
        var parameters = new ParameterSet([new(ExperimentDefinition.TrialKindParameter, ParameterValue.Of("radiomics-svm"))]);

        var error = await Assert.ThrowsAsync<OlnmUserException>(() =>
            new RadiomicsSvmTrial(study).RunAsync(new TrialContext(0, parameters, 11, null, null, _artefacts, null, data), CancellationToken.None));

        Assert.Contains("at least two development centres", error.Message);
        Assert.Contains("found 1 (A)", error.Message);
    }
}
