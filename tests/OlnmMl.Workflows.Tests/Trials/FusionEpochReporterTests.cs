using System.Collections.Immutable;
using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.Spaces;
using OlnmMl.Torch.Fusion;
using OlnmMl.Workflows.Trials;

namespace OlnmMl.Workflows.Tests.Trials;

public class FusionEpochReporterTests
{
    /// <summary>Records the reports; says prune once a value below <paramref name="floor"/> was reported.</summary>
    private sealed class Recording(double floor) : ITrialReporter
    {
        public List<(int Step, double Value)> Reports { get; } = [];

        public void Report(int step, double value) => Reports.Add((step, value));

        public bool ShouldPrune() => Reports.Count > 0 && Reports[^1].Value < floor;
    }

    private static (FusionEpochReporter Reporter, Recording Recorded) Create(double floor)
    {
        var recorded = new Recording(floor);
        var data = new ExperimentData("synthetic:test", SelectionStrategy.InternalValidation, [], ImmutableSortedDictionary<string, string>.Empty);
        var context = new TrialContext(0, ParameterSet.Empty, 1, null, null, Path.GetTempPath(), null, data) { Reporter = recorded };
        return (new FusionEpochReporter(context), recorded);
    }

    [Fact]
    public void Each_epochs_validation_auc_is_reported_at_its_epoch_and_an_epoch_without_one_reports_nothing()
    {
        var (reporter, recorded) = Create(floor: 0);
        reporter.Report(new FusionEpochProgress(0, 0.9, 0.61));
        reporter.Report(new FusionEpochProgress(1, 0.8, double.NaN));
        reporter.Report(new FusionEpochProgress(2, 0.7, 0.66));
        Assert.Equal([(0, 0.61), (2, 0.66)], recorded.Reports);
    }

    [Fact]
    public void The_training_stops_at_the_epoch_the_pruner_names()
    {
        var (reporter, recorded) = Create(floor: 0.6);
        reporter.Report(new FusionEpochProgress(0, 0.9, 0.65));
        var pruned = Assert.Throws<TrialPrunedException>(() => reporter.Report(new FusionEpochProgress(1, 0.8, 0.55)));
        Assert.Equal(1, pruned.Step);
        Assert.Equal(2, recorded.Reports.Count);
    }
}
