using System.Collections.Immutable;
using System.Diagnostics;
using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Store;

namespace OlnmMl.AutoML.Runner;

/// <summary>
/// Runs one trial: a fresh artefact folder, the factory, the selection objective, per-cohort summaries, the
/// predictions file, duration and peak memory. Its intermediate values go to <paramref name="store"/>, judged by
/// the experiment's pruner. Turns an exception into a Failed record, a <see cref="TrialPrunedException"/> into a
/// Pruned one whose objective is the last reported value, and a time-budget cancellation into a Pruned one; a
/// cancellation of the whole sweep propagates (the trial stays Running).
/// </summary>
internal sealed class TrialExecutor(ExperimentDefinition experiment, TrialFactoryRegistry registry, string artefactRoot, IStudyStore store)
{
    private readonly Pruners.IPruner? _pruner = experiment.Pruner?.Create();

    private static readonly ImmutableSortedDictionary<string, string> LibraryVersions = new Dictionary<string, string>
    {
        ["olnmml.automl"] = typeof(TrialExecutor).Assembly.GetName().Version?.ToString() ?? "unknown",
        ["dotnet"] = Environment.Version.ToString(),
    }.ToImmutableSortedDictionary(StringComparer.Ordinal);

    /// <summary>Folder name of trial <paramref name="number"/> inside the artefact root.</summary>
    public static string FolderName(int number) => $"trial-{number:D5}";

    public async Task<TrialRecord> RunAsync(TrialRecord started, CancellationToken sweepCancellation, CancellationToken deadline)
    {
        var folder = Path.Combine(artefactRoot, FolderName(started.Number));
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var parentFolder = started.PromotedFrom is { } parent ? Path.Combine(artefactRoot, FolderName(parent)) : null;
        var reporter = new StoreTrialReporter(store, started.Number, _pruner, experiment.Objective);
        var context = new TrialContext(
            started.Number, started.Parameters, started.Seed, started.Budget, started.PromotedFrom, folder, parentFolder, experiment.Data)
        {
            Reporter = reporter,
            PromotedFromBudget = started.PromotedFrom is { } promotedFrom ? store.GetTrial(promotedFrom).Budget : null,
            ScheduleHorizon = experiment.Tuner.EpochHorizon,
        };
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        using var sampler = new PeakMemorySampler(TimeSpan.FromMilliseconds(100));
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(sweepCancellation, deadline);
        var record = started with { StartedAt = startedAt, Versions = LibraryVersions, Error = null };
        try
        {
            var factory = registry.Resolve(started.Parameters.GetCategory(ExperimentDefinition.TrialKindParameter));
            var outcome = await factory.RunAsync(context, linked.Token).ConfigureAwait(false);
            RequireExternalCohortsMarkedExternal(outcome);
            var objective = SelectionObjective.Compute(experiment.Objective, outcome.Predictions);
            PredictionsFile.Write(Path.Combine(folder, PredictionsFile.FileName), outcome.Predictions);
            var artefacts = (outcome.Artefacts ?? new Dictionary<string, string>())
                .ToDictionary(a => a.Key, a => Path.Combine(FolderName(started.Number), a.Value));
            artefacts["predictions"] = Path.Combine(FolderName(started.Number), PredictionsFile.FileName);
            return record with
            {
                Status = TrialStatus.Complete,
                Objective = objective,
                Metrics = outcome.Predictions.ToImmutableSortedDictionary(p => p.Cohort, CohortSummary.Compute, StringComparer.Ordinal),
                Artefacts = artefacts.ToImmutableSortedDictionary(StringComparer.Ordinal),
                Versions = LibraryVersions.SetItems(outcome.Versions ?? new Dictionary<string, string>()),
                Duration = clock.Elapsed,
                PeakMemoryBytes = sampler.PeakBytes,
            };
        }
        catch (OperationCanceledException) when (sweepCancellation.IsCancellationRequested)
        {
            throw;
        }
        catch (TrialPrunedException e)
        {
            return record with
            {
                Status = TrialStatus.Pruned, Objective = reporter.Last?.Value, Error = e.Message, Duration = clock.Elapsed, PeakMemoryBytes = sampler.PeakBytes,
            };
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return record with { Status = TrialStatus.Pruned, Error = "time budget exhausted", Duration = clock.Elapsed, PeakMemoryBytes = sampler.PeakBytes };
        }
        catch (Exception e)
        {
            return record with { Status = TrialStatus.Failed, Error = e.ToString(), Duration = clock.Elapsed, PeakMemoryBytes = sampler.PeakBytes };
        }
    }

    /// <summary>Leakage guard: a cohort the experiment declares external may never reach the objective under another role.</summary>
    private void RequireExternalCohortsMarkedExternal(TrialOutcome outcome)
    {
        foreach (var cohort in outcome.Predictions)
        {
            if (cohort.Role != CohortRole.External && experiment.Data.ExternalCohorts.Contains(cohort.Cohort, StringComparer.Ordinal))
            {
                throw new InvalidOperationException(
                    $"Cohort '{cohort.Cohort}' is declared external in experiment '{experiment.Name}' but the trial returned it as {cohort.Role}; external cohorts never feed the tuner.");
            }
        }
    }
}
