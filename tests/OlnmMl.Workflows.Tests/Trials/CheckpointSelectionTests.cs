using System.Collections.Immutable;
using OlnmMl.AutoML.Experiments;
using OlnmMl.Workflows.Study;
using OlnmMl.Workflows.Tests.Study;
using OlnmMl.Workflows.Trials;

namespace OlnmMl.Workflows.Tests.Trials;

/// <summary>
/// The inner split that chooses the networks' checkpoints: stratified (of each class of 15, round(0.2 · 15) = 3 held out),
/// drawn from the training cohort only, and the default that keeps the internal-validation cohort.
/// </summary>
public sealed class CheckpointSelectionTests : IDisposable
{
    private readonly StudyFiles _files = new(casesPerCohort: 30, features: 2);

    public void Dispose() => _files.Dispose();

    [Fact]
    public void The_inner_split_holds_out_a_fifth_of_each_training_class_and_no_validation_case()
    {
        var study = StudyData.Load(_files.ManifestPath, _files.TablePath);
        var train = study.Cohort("train");

        var (fit, checkpoint) = CheckpointSelection.Cohorts(study, Data(CheckpointSelection.InnerSplit), "label", seed: 11);

        Assert.Equal(3, checkpoint.Count(c => c.Outcome("label")));
        Assert.Equal(3, checkpoint.Count(c => !c.Outcome("label")));
        Assert.Equal(24, fit.Count);
        Assert.All(checkpoint, c => Assert.Equal("train", c.Cohort));
        Assert.Empty(fit.Select(c => c.Case.Id).Intersect(checkpoint.Select(c => c.Case.Id)));
        Assert.Equal(train.Select(c => c.Case.Id).Order(), fit.Concat(checkpoint).Select(c => c.Case.Id).Order());
        Assert.Equal(checkpoint, CheckpointSelection.Cohorts(study, Data(CheckpointSelection.InnerSplit), "label", seed: 11).Checkpoint);
        Assert.NotEqual(checkpoint, CheckpointSelection.Cohorts(study, Data(CheckpointSelection.InnerSplit), "label", seed: 12).Checkpoint);
    }

    [Fact]
    public void By_default_the_validation_cohort_chooses_the_checkpoint_and_another_value_is_refused()
    {
        var study = StudyData.Load(_files.ManifestPath, _files.TablePath);

        var (fit, checkpoint) = CheckpointSelection.Cohorts(study, Data(null), "label", seed: 11);

        Assert.Equal(study.Cohort("train"), fit);
        Assert.Equal(study.Cohort("validation"), checkpoint);
        var error = Assert.Throws<OlnmUserException>(() => CheckpointSelection.Cohorts(study, Data("validaton"), "label", 11));
        Assert.Contains("checkpoint-selection 'validaton'", error.Message);
    }

    private static ExperimentData Data(string? checkpoint) => new(
        "unused", SelectionStrategy.InternalValidation, ["test-h5"],
        checkpoint is null ? ImmutableSortedDictionary<string, string>.Empty : ImmutableSortedDictionary<string, string>.Empty.Add(CheckpointSelection.Option, checkpoint));
}
