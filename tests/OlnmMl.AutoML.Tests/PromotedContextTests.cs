using System.Collections.Concurrent;
using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.Spaces;
using OlnmMl.AutoML.Store;
using OlnmMl.AutoML.SweepHost;
using OlnmMl.AutoML.Tuners;

namespace OlnmMl.AutoML.Tests;

public class PromotedContextTests
{
    /// <summary>The synthetic trial, remembering the context of every trial it ran.</summary>
    private sealed class Recording : ITrialFactory
    {
        private readonly SyntheticTrialFactory _inner = new(TimeSpan.Zero);

        public ConcurrentDictionary<int, TrialContext> Contexts { get; } = new();

        public string Name => _inner.Name;

        public long EstimateMemoryBytes(ParameterSet parameters) => _inner.EstimateMemoryBytes(parameters);

        public Task<TrialOutcome> RunAsync(TrialContext context, CancellationToken cancellationToken)
        {
            Contexts[context.TrialNumber] = context;
            return _inner.RunAsync(context, cancellationToken);
        }
    }

    [Fact]
    public async Task A_promoted_trial_is_told_its_parents_budget()
    {
        using var folder = new TempDirectory();
        using var store = new InMemoryStudyStore(new StudyInfo("asha", "", DateTimeOffset.UtcNow));
        var factory = new Recording();
        var experiment = SweepRunnerTests.Experiment("asha", trials: 12, parallel: 1) with
        {
            Tuner = new TunerSpec("asha", Asha: new AshaOptions { MinBudget = 2, MaxBudget = 18, ReductionFactor = 3 }),
        };
        await new SweepRunner(experiment, store, new TrialFactoryRegistry().Register(factory), folder.Path).RunAsync();
        var promoted = store.GetTrials().Where(t => t.PromotedFrom is not null).ToArray();
        Assert.NotEmpty(promoted);
        Assert.All(promoted, t =>
        {
            var context = factory.Contexts[t.Number];
            var parent = store.GetTrial(t.PromotedFrom!.Value);
            Assert.Equal(parent.Budget, context.PromotedFromBudget);
            Assert.True(context.PromotedFromBudget < t.Budget);
        });
        Assert.All(store.GetTrials().Where(t => t.PromotedFrom is null), t => Assert.Null(factory.Contexts[t.Number].PromotedFromBudget));
    }
}
