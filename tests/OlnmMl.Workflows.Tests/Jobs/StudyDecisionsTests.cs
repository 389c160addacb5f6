using System.Collections.Immutable;
using OlnmMl.AutoML.Ensembles;
using OlnmMl.AutoML.Experiments;
using OlnmMl.Workflows.Jobs;

namespace OlnmMl.Workflows.Tests.Jobs;

/// <summary>The leaderboard's statement of which cohorts each decision saw, and the ensemble options it is read with.</summary>
public sealed class StudyDecisionsTests
{
    [Fact]
    public void With_an_inner_split_and_an_ensemble_each_decision_names_its_cohorts()
    {
        var data = Data(SelectionStrategy.InternalValidation, ("checkpoint-selection", "inner-split"), ("ensemble", "8"));

        var statement = StudyDecisions.Statement(data);

        Assert.Contains("model fits (feature columns, scaling, feature selection, model) and Youden cut-off: train;", statement);
        Assert.Contains("tuner objective: validation;", statement);
        Assert.Contains("checkpoint (epoch) selection of the networks: a stratified 20% inner split of the training cohort", statement);
        Assert.Contains("ensemble weights: validation;", statement);
        Assert.Contains("external cohorts (test-h5, test-h6): none.", statement);
        Assert.Equal(new EnsembleOptions(8, EnsembleOptions.DefaultRounds), StudyDecisions.Ensemble(data));
    }

    [Fact]
    public void By_default_validation_chooses_the_checkpoints_and_there_is_no_ensemble()
    {
        var statement = StudyDecisions.Statement(Data(SelectionStrategy.InternalValidation));

        Assert.Contains("checkpoint (epoch) selection of the networks: the internal-validation cohort;", statement);
        Assert.Contains("ensemble weights: no ensemble;", statement);
    }

    [Fact]
    public void Under_leave_one_centre_out_the_objective_and_the_ensemble_saw_the_held_out_centres()
    {
        var statement = StudyDecisions.Statement(Data(SelectionStrategy.LeaveOneCentreOut, ("ensemble", "5"), ("ensemble-rounds", "50")));

        Assert.Contains("Youden cut-off: train + validation (each fold: its training centres only);", statement);
        Assert.Contains("tuner objective: the held-out development centres (loco-* folds, out of fold);", statement);
        Assert.Contains("ensemble weights: the held-out development centres (loco-* folds, out of fold);", statement);
        Assert.Throws<OlnmUserException>(() => StudyDecisions.Ensemble(Data(SelectionStrategy.InternalValidation, ("ensemble", "1"))));
    }

    private static ExperimentData Data(SelectionStrategy selection, params (string Key, string Value)[] options) =>
        new("unused", selection, ["test-h5", "test-h6"], options.ToImmutableSortedDictionary(o => o.Key, o => o.Value));
}
